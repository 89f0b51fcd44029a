## Core: menu, start, help, cancel, language, errors

menu-register = 🏠 登记住址
menu-profile = 👤 我的资料
menu-help = ❓ 帮助
menu-become-member = 🙋 党员/志愿者报到
menu-members = 🧾 报到审核
menu-admin = ⚙️ 管理
menu-placeholder = 请选择下方按钮，或直接输入

start-greeting = 您好，{ $name }！欢迎使用<b>邻里</b>社区服务。
    在这里您可以向社区反映问题（点单）、查看办理进度、参加议事和投票。
start-greeting-registered = 您好，{ $name }！有什么可以帮您？
start-need-register = 第一次使用请先点「🏠 登记住址」，只需一分钟。
start-register-optional = 如果您也住在本街道，可以点「🏠 登记住址」，以居民身份点单和投票。
start-role-staff = 您是{ $communities }的工作人员。
start-role-admin = 您是街道管理员，各社区的事务都可以处理。
start-todo-title = 目前待办：
start-todo-waiting = • 待受理诉求 { $count } 件{ $urgent ->
        [0] {""}
       *[other] （其中紧急 { $urgent } 件）
    }
start-todo-verify = • 待验收的结果 { $count } 件
start-todo-overdue = • 已超期未办结 { $count } 件
start-todo-applications = • 报到待审核 { $count } 人（点「{ $button }」）
start-todo-topics = • 居民提的议题待处理 { $count } 个（点「{ $button }」→「{ consult-btn-topic-review }」）
start-todo-minutes = • 已开完、还没发纪要的议事会 { $count } 场（点「{ $button }」）
start-todo-none = 目前没有待办事项。
start-todo-hint = 点「{ $button }」开始处理。
start-member-offers = 🛠 有 { $count } 个工单适合您，点「{ $button }」看看。
start-member-claims = 📌 您手上有 { $count } 个工单{ $overdue ->
        [0] {""}
       *[other] ，其中 { $overdue } 个已过期限
    }（点「{ $button }」）。
start-resident-progress = 📂 您有 { $count } 件诉求正在办理（点「{ $button }」查看进度）。
start-resident-rate = ⭐ { $count } 件已经办好，等您评价（在「{ $button }」里）。
start-resident-polls = 🗳 { $count } 个投票等您参加（点「{ $button }」）。

office-title = 🏢 { $community }服务中心
office-phone = 电话：{ $value }
office-address = 地址：{ $value }
office-hours = 办公时间：{ $value }

help-text = <b>邻里 · 使用帮助</b>
    点下方的大按钮就能办事，不用记命令：
help-button = { $label }：{ $what }
help-what-register = 第一次用先点这里，登记您住哪栋楼、哪个房间（一分钟就好）。
help-what-order-new = 家里、楼里、小区里有问题，或者需要帮忙，点这里告诉社区。可以打字，也可以发照片、语音。
help-what-order-mine = 看您反映的事办到哪一步了；还可以补充情况、催一下、撤回，办完后评价。
help-what-consult = 社区的议事会、投票和议题征集，可以报名参加、投票、提议题。
help-what-profile = 看或修改您的住址、手机号、夜间免打扰，也可以删除您的信息。
help-what-become-member = 党员、志愿者在这里报到，社区审核后就可以接服务工单。
help-what-order-open = 适合您、现在可以接的服务工单，点一下就接。
help-what-order-claims = 您接下的工单：办完在这里上报结果和照片；办不了可以退回。
help-what-order-points = 您的服务积分、服务时长和社区排行。
help-what-order-queue = 还没处理的居民诉求，紧急的在前，可以派单、直接办理、转办、合并或不受理。
help-what-order-on-behalf = 居民打电话或上门反映的事，替他们登记。
help-what-order-stats = 响应率、解决率、满意率，办理时长和图表，导出台账。
help-what-consult-staff = 发起议事会、投票和议题征集，签到和会议纪要。
help-what-members = 审核党员、志愿者的报到申请。
help-what-broadcast = 给全社区、某个网格或楼栋发通知。
help-what-admin = 邀请和撤销社区工作人员和管理员，管理组织架构和诉求分类。
help-text-commands = • 任何时候发 /cancel 都可以退出当前操作，/start 回到主菜单。
    • /lang 切换语言 Language　• /forget 删除我的个人信息　• /help 显示本帮助
help-text-staff = 工作人员还可以用这些命令：
    • /stats 台账统计（/stats 2026-11 指定月份）　• /find 查找诉求（/find 漏水、/find 502）　• /broadcast 发通知　• /quiet 查看或修改免打扰时段（例如 /quiet 22:00 07:00，/quiet off）
help-text-admin = 作为街道管理员：
    • /admin 管理：邀请和撤销社区工作人员（/invite 直接生成邀请链接）
    • /categories 诉求分类与时限，/category 修改
    • /quiet 社区名 … 修改某个社区的免打扰时段

cancel-done = 已取消，回到主菜单。
cancel-nothing = 当前没有进行中的操作，回到主菜单。

lang-choose = 请选择语言 / Choose your language:
lang-set = 语言已切换为中文。
lang-name-zh-Hans = 中文（简体）
lang-name-zh-Hant = 繁體中文
lang-name-en = English

common-yes = 是
common-no = 否
common-back = ⬅️ 上一步
common-step-current = （之前填的是：{ $value }。要改就发新的；不改请再发一遍。）
common-cancel = ✖️ 取消
common-skip = 跳过
common-confirm = ✅ 确认
common-prev-page = ◀️ 上一页
common-next-page = 下一页 ▶️
# a typed text shortened so its card fits one message (services.fitting); $total: its characters
text-cut = …（全文共 { $total } 字，点「📄 全文」查看）
# the same in a notice: its button opens the card, whose 📄 全文 shows it whole
text-cut-open = …（全文共 { $total } 字，打开详情后点「📄 全文」查看）
common-btn-whole-text = 📄 全文
# what was just typed, echoed back too long for one message: it is whole in their own message
text-cut-echo = …（全文共 { $total } 字，即您发的上一条消息）
common-not-sure = 不清楚

group-use-private = 我只在私聊里为大家服务（点单、登记、议事都在私聊办理）。请点下方按钮，或搜索 { $bot } 和我私聊。
group-open-private = 💬 和我私聊
group-button-private = 这个按钮只能在和我的私聊里用。请点群里的「{ group-open-private }」，到私聊里办理。
group-kept-go-private = 收到！这件事请到私聊里提交：点下方按钮和我私聊，您说的已经记下，不用再说一遍（房号、电话等也请在私聊里说，不要发在群里）。
group-kept-too-long = 这段话太长了：和您之前在群里说的加起来超过一件事能记下的长度，这次的没有记下（之前说的还在）。请点下方按钮到私聊里，分几次说或精简一下再说。
group-contact-public = ⚠️ 这个电话号码群里的人都能看到。建议长按那条消息删除（撤回）；电话请在和我的私聊里告诉我（点下方按钮）。
group-pii-public = ⚠️ 您发的电话、房号等群里的人都能看到，建议长按那条消息删除（撤回）。
group-howto = 这个在和我的私聊里办（点下方按钮打开）：{ $answer }
group-hello = 大家好，我是「邻里」社区服务助手。{ $bound ->
        [yes] 我会在这个群里发布{ $community }的议事会、投票等公开通知。
       *[other] 我会在这个群里发布社区的公开通知。
    }
    报事点单、登记住址、报名参会、投票都在和我的私聊里办理：点下方按钮，或搜索 { $bot }。房号、电话等请不要发在群里。
group-joined-staff = 「邻里」已加入群「{ $title }」（由 { $by } 添加）。{ $bound ->
        [yes] 这个群已对应{ $community }：面向全社区的议事会、投票发布时，会在群里发一条公开通知（不含个人信息），附私聊报名、投票的按钮。
       *[other] 这个群还没有对应任何社区，不会在群里发通知。由某个社区的社工把我加进群，就会对应该社区。
    }
group-bound-title = <b>本社区绑定的群</b>（面向全社区的议事会、投票发布时，我会在群里发一条公开通知）：
group-bound-line = · 「{ $title }」（{ $community }）
group-bound-none = 本社区目前没有绑定的群。社工把我加进社区的居民群，这个群就会和本社区绑定。
group-btn-unbind = 🔓 解除绑定「{ $title }」
group-unbind-ask = 确定解除群「{ $title }」和{ $community }的绑定吗？解除后我不会再在这个群里发任何通知（我还在群里；要重新绑定，请把我移出群后再加进来）。
group-btn-unbind-yes = 🔓 确定解除
group-btn-unbind-no = ↩️ 不解除
group-unbound = ✅ 已解除群「{ $title }」和{ $community }的绑定，之后不会再往这个群里发通知。
group-unbind-kept = 好的，没有解除，这个群照旧和本社区绑定。
group-unbind-gone = 这个群已经没有和本社区绑定了（可能已解除，或我已被移出群）。
group-channel-title = <b>本社区的公示频道</b>（办结结果和投票结果会公示在这里，不含居民个人信息）：
group-channel-line = · 「{ $title }」（{ $community }）{ $gone ->
        [yes] ：我已被移出这个频道，现在不会公示，把我加回频道（设为管理员）即可恢复
       *[other] {""}
    }
group-btn-channel = 📣 设置公示频道
group-btn-channel-of = 📣 设置公示频道（{ $community }）
channel-set-howto = <b>设置{ $community }的公示频道</b>（办结结果和投票结果会公示在这里，不含居民个人信息）：
    1. 在频道的「管理员」里添加我（{ $bot }），并允许「发布消息」；
    2. 回到这里，把频道里的任意一条消息转发给我（长按消息 → 转发 → 选择和我的私聊）。
    现在的公示频道：{ $current }
channel-set-no-current = 还没有设置
channel-btn-stop = ↩️ 不设置了
channel-set-not-forwarded = 请把公示频道里的任意一条消息转发给我（长按消息 → 转发 → 选择和我的私聊）。不想设置了，点上面的「{ channel-btn-stop }」。
channel-set-not-channel = 这条消息不是从频道转发来的。请到公示频道里，把频道发的一条消息转发给我。
channel-set-not-admin = 我还不是频道「{ $title }」的管理员（或没有「发布消息」的权限），没法在那里公示。请先在频道的管理员里添加我并允许发布消息，再转发一次。
channel-set-taken = 这个频道已经是{ $community }的公示频道，不能同时作为本社区的公示频道。请换一个频道。
channel-set-same = 频道「{ $title }」已经是{ $community }的公示频道，不用更改。
channel-set-ask = 确定把{ $community }的公示频道从「{ $old }」换成「{ $title }」吗？之后的办结结果和投票结果会公示在新频道，旧频道不再公示。
channel-btn-yes = 📣 确定更换
channel-btn-no = ↩️ 不更换
channel-set-done = ✅ { $community }的公示频道已设为「{ $title }」，之后的办结结果和投票结果会公示在这里。
channel-set-kept = 好的，没有更换，公示频道照旧。
channel-set-stopped = 好的，不设置了，公示频道照旧。
channel-set-gone = 找不到这个社区了，请重新打开「👥 本社区的群」。
group-left-staff = 「邻里」已被移出群「{ $title }」（{ $by }）。之后不会再往这个群里发任何消息{ $bound ->
        [yes] ；{ $community }的议事会、投票通知只发给居民个人
       *[other] {""}
    }。
group-joined-staff-channel = 「邻里」已加入频道「{ $title }」（由 { $by } 添加）。{ $bound ->
        [yes] 这是{ $community }的公示频道：办结结果（组织晒单）和投票结果会发在这里（不含居民个人信息）。
       *[other] 这个频道不是任何社区的公示频道，不会在这里发消息。
    }
group-left-staff-channel = 「邻里」已被移出频道「{ $title }」（{ $by }）。之后不会再往这个频道发消息{ $bound ->
        [yes] ：{ $community }的办结结果、投票结果不再公示，把我加回频道（设为管理员）即可恢复
       *[other] {""}
    }。
smalltalk-thanks-group = 不客气！有需要随时找我们。
smalltalk-ack-group = 好的。
smalltalk-bye-group = 再见，祝大家生活愉快！
fallback-kept-offer = 您在群里说的事：
    「{ $text }」{ $also }
    要把这件事报给社区吗？点下面的按钮，或者回一句「好的」，还可以补充照片、语音或位置。不报就回「不要了」。
# the photos and voice notes told with the words (order-kept-photos, order-kept-voice)
fallback-kept-also = （还有{ $items }）
fallback-kept-joined = 您在群里说的事，和刚才说的，合在一起：
    「{ $text }」{ $also }
    要把这件事报给社区吗？点下面的按钮，或者回一句「好的」，还可以补充照片、语音或位置。不报就回「不要了」。

err-generic = 抱歉，出了点问题，我们已记录下来。请稍后再试，或发 /start 回到主菜单。
err-stale-button = 这个按钮已经失效了，请点最新一条消息里的按钮。
err-not-allowed = 抱歉，您没有权限进行这个操作。
err-throttled = 您操作得太快了，请稍等几秒再试。
err-menu-not-yours = 「{ $label }」现在不在您的菜单里了（可能是身份有了变化）。请用下方的按钮；有疑问可以联系社区。
err-unknown-text = 没有看懂您的意思。有什么事，直接打字或者发语音说就行；也可以点下面的按钮。
err-text-empty = 内容不能为空，请重新输入。
err-text-too-long = 内容太长了（{ $length } 字），最多 { $limit } 字，请精简后重新输入。
err-name-invalid = 请输入真实姓名（只能包含汉字或字母，不能有表情符号或特殊字符）。
err-name-too-long = 姓名太长了，最多 { $limit } 个字。
err-label-invalid = 请只输入文字，不要包含表情符号或特殊字符。
err-room-invalid = 房号格式不对。请输入像「302」「3-502」「2单元301」这样的房号。
err-room-too-long = 房号太长了，最多 { $limit } 个字。请输入像「302」这样的房号。
err-room-unknown = 没关系，写门牌上的号码就行，比如「302」「2单元301」；实在记不清，写楼层和方位也可以，比如「三楼东户」。
err-phone-invalid = 号码格式不对。请输入 11 位手机号（如 139 0000 0001）或带区号的座机号（如 021-12345678），也可以点「📱 发送我的手机号」。
err-contact-not-own = 只能分享您自己的手机号。请点「📱 发送我的手机号」按钮。
err-consent-needed = 需要先同意个人信息使用说明才能登记。
err-address-stale = 这个地址选项已经不存在了，请重新选择。
err-user-not-found = 找不到这个用户。
err-admin-from-settings = { $id } 是由设置 LINLI_ADMIN_IDS 指定的管理员，这里撤销不了：请把这个 id 从该设置中删去，再重启机器人和调度程序。
err-revoke-not-admin = { $id } 不是街道管理员，没有可撤销的（没有做任何修改，也没有通知对方）。请核对 Telegram id。
err-revoke-not-staff = { $id } 不是社区工作人员，没有可撤销的（没有做任何修改，也没有通知对方）。请核对 Telegram id。
err-revoke-not-staff-there = { $id } 不是「{ $community }」的工作人员，没有可撤销的（没有做任何修改，也没有通知对方）。请核对 Telegram id 和社区名。
err-member-not-found = 找不到这份报到申请。
err-skills-empty = 请至少选择或填写一项技能/特长。
err-skills-unknown = 技能选项无效，请重新选择。
err-community-required = 请指定社区。
err-community-unknown = 没有名为「{ $name }」的社区。
err-grid-unknown = 没有名为「{ $name }」的网格。
err-role-not-grantable = 这个角色不能这样授予。
err-need-register = 请先登记住址，再使用这个功能。
err-need-register-order = 要反映问题，请先登记您的住址（只要一分钟）。登记好就接着说您的事。
err-button-not-text = 「{ $label }」是按钮上的字，不是这一步要填写的内容。请直接输入文字回答上面的问题；不想继续了请点「{ common-cancel }」。
err-button-not-here = 「{ $label }」这个按钮这一步用不上，您已填写的内容都还在。请按上面的提示继续；不想继续了请点「{ common-cancel }」。
err-choose-above = 这一步请点上面消息里的按钮来选择，您已填写的内容都还在。不想继续了请点「{ common-cancel }」。
err-media-not-supported = 这里需要文字。请用文字输入，或发 /cancel 退出。

# between the items of a list in a sentence (roles, skills, communities)
list-sep = {"、"}
# how someone who deleted their personal data (/forget) is named to others (models.users.DeletedName)
person-data-deleted = （已删除个人信息）
role-resident = 居民
role-member = 党员/志愿者
role-staff = 社区工作人员
role-admin = 街道管理员

cmd-start = 主菜单
cmd-help = 帮助
cmd-cancel = 取消当前操作
cmd-profile = 我的资料
cmd-lang = 切换语言
cmd-forget = 删除我的个人信息
cmd-invite = 邀请社区工作人员
cmd-admin = 管理菜单
cmd-register = 登记住址
cmd-join = 党员/志愿者报到
cmd-stats = 数据统计与台账导出
cmd-find = 查找诉求（姓名、电话、房号、字词）
cmd-broadcast = 群发通知
cmd-quiet = 免打扰时段
fallback-offer-request = 要把这件事报给社区吗？点下面的按钮，或者回一句「好的」，我们会帮您登记，您还可以补充照片、语音或位置。不报就回「不要了」。
fallback-offer-request-or-ask = 如果是要社区帮忙办的事，请点「📝 报给社区」。不需要就回「不要了」。
fallback-offer-which = 请点上面的按钮选一个：想问议事会的事，点「❓ 转给…的组织者」；要社区帮忙办的事，点「📝 报给社区」。
fallback-offer-added = 收到，和刚才说的一起记下了。
fallback-neighbour-private = 邻居的电话和住址，我们不能告诉别人，这是为了保护每一家的隐私。想请社区帮您联系他们，可以报给社区。
# the same asked before registering: nothing is kept as a matter of theirs
fallback-neighbour-private-new = 邻居的电话和住址，我们不能告诉别人，这是为了保护每一家的隐私。有事想请社区帮忙联系，可以打社区电话，或者先点「{ menu-register }」登记住址。
fallback-offer-greeted = 您好，我在！刚才您说的是：「{ $text }」
fallback-offer-greeted-media = 您好，我在！刚才您发来的，还没有报给社区。
fallback-text-too-long = 这段话有 { $length } 字，超过了一件诉求能记下的 { $limit } 字，没有记下。请分成几段发送，或精简后再发。
fallback-offer-too-long = 这段话（{ $length } 字）和刚才说的加起来超过 { $limit } 字，没有加进去；刚才说的还在。请精简后再发，或者先报给社区，再分几次补充。
fallback-offer-said-again = 这件事刚才已经记下了，不用再发一遍。
fallback-offer-voice-more = 收到第 { $count } 条语音，和前面的一起记下了。
fallback-offer-voices-full = 这件事已经留了 { $limit } 条语音，这条没有再留下。还想说的，可以打字补充。
fallback-offer-dropped = 好的，这件事先不报了。有需要时再跟我说，直接打字、发照片或语音都行。
fallback-offer-topic =
    您想提的议题：「{ $topic }」
    议题是请居民们在议事会上一起商量的事，其他居民可以附议。点「💡 作为议题提交」就提交；如果是需要社区去办的具体问题，请点「📝 报给社区」。
fallback-topic-button = 💡 作为议题提交
fallback-topic-which = 请点上面的按钮选一个：请大家在议事会上商量的事，点「{ fallback-topic-button }」；要社区去办的具体问题，点「{ fallback-file-button }」。也可以直接回「提交」或「报给社区」。
fallback-file-button = 📝 报给社区
fallback-choice-file = 报给社区
fallback-choice-topic = 作为议题提交
fallback-choice-note = 告诉社区
fallback-choice-drop = 先不报了
fallback-add-offer = 您要补充的是：{ $text }
    是补充到您已经报的诉求里吗？请点那件事；如果是另一件新的事，请点「{ fallback-file-button }」。
fallback-add-button = ➕ 补充到 { $number }（{ $what }）
fallback-add-which = 请点上面的按钮选一个：补充到原来的诉求，点「➕ 补充到 …」；另一件新的事，点「{ fallback-file-button }」。
fallback-choice-add = 补充到原来的诉求
fallback-offer-chosen = ✓ 已选：{ $choice }
fallback-offer-already = 这条已经选过了：「{ $choice }」。请接着看下面的消息。
fallback-kept-topic-until-registered = 您想提的议题我们先记下了：「{ $topic }」
    提议题需要先登记您的住址（只要一分钟）；登记好后可以直接把它作为议题提交，也可以报给社区去办，不用再说一遍。
fallback-kept-topic-lead = 登记前您说的，已经带过来了。
fallback-draft-started = 好的，已经记下您说的话。还可以补充文字、照片、语音或位置；说完请点「✅ 说完了」。
fallback-draft-started-media = 好的，已经记下您发来的内容。请再用文字或语音说说是什么事、在哪里；说完请点「✅ 说完了」。
fallback-draft-started-voice = 好的，已经记下您的语音。还可以补充文字、照片或位置；说完请点「✅ 说完了」。
smalltalk-thanks = 不客气！有需要随时找我们。
smalltalk-ack = 好的。有需要时点下面的按钮就行。
smalltalk-bye = 再见，祝您生活愉快！有需要随时来找我们。
smalltalk-chat = 我是社区的服务小助手，天气、聊天这些我不太在行 😊 家里、楼里、小区里有什么事需要社区帮忙，直接跟我说就行，打字、发照片或语音都可以。
smalltalk-undo = 没关系。有需要时再跟我说，直接打字、发照片或语音都行。
smalltalk-lead-in = 您请说，我在听。直接打字说说是什么事，也可以发照片或语音。
# '😭' / '😢' sent alone: someone upset, maybe in trouble (the office's contacts follow, when on file)
smalltalk-sad = { $registered ->
    [yes] 您怎么了？遇到什么难处，跟我们说说，打字、发语音都行。要社区帮忙，点「{ menu-order-new }」；着急的话，直接打社区电话。
   *[no] 您怎么了？遇到什么难处，跟我们说说，打字、发语音都行。要社区帮忙，先点「{ menu-register }」登记住址（一分钟就好）；着急的话，直接打社区电话。
}
    身体不舒服或者有危险，请马上拨打 120 或 110。
# '🔥' / '🆘' sent alone: maybe danger (the office's contacts follow, when on file)
smalltalk-alarm = { $registered ->
    [yes] 出什么事了？着火、有人受伤或者有危险，请马上拨打 119 / 120 / 110。要社区帮忙，打字或发语音说说是什么事，或者点「{ menu-order-new }」。
   *[no] 出什么事了？着火、有人受伤或者有危险，请马上拨打 119 / 120 / 110。要社区帮忙，打字或发语音说说是什么事，或者直接打社区电话。
}
# '😭' / '🔥' from someone not registered (no community yet): every office with a phone on file
smalltalk-offices = 还不知道您住在哪个社区。各社区服务中心的电话：
smalltalk-office-phone = { $community }：{ $phone }
# other emoji sent alone ('🌸', '😂'): a friendly short answer, not 'not understood'
smalltalk-emoji = 😊 收到。有什么需要社区帮忙的，直接打字或发语音跟我说就行。
smalltalk-who = 我是「邻里」社区服务小助手，是自动回复的程序，不是真人。您在这里说的事，会转给社区工作人员办理；想和工作人员直接说话，请打社区电话。

# A short question how to use one feature ("怎么投票"), answered instead of being offered for
# filing (services.smalltalk.how_to). $registered: yes / no (has an address); $member: yes / no.
howto-vote = { $registered ->
        [no] 投票要先登记住址：点「{ menu-register }」，一分钟就好。登记好后点「{ menu-consult }」，列表里带 🗳 的就是正在进行的投票，点开选好就投上了。
       *[yes] 点下方的「{ menu-consult }」，列表里带 🗳 的就是正在进行的投票，点开选一项就投上了（多选的选好后点「{ poll-btn-submit }」）。有新投票时我们也会通知您，点通知里的「{ poll-btn-vote }」也可以。
    }
howto-meeting = { $registered ->
        [no] 报名参加议事会要先登记住址：点「{ menu-register }」，一分钟就好。登记好后点「{ menu-consult }」，点带 📅 的议事会，再点「{ meeting-btn-yes }」就报上名了。
       *[yes] 点下方的「{ menu-consult }」，点带 📅 的议事会看时间地点，再点「{ meeting-btn-yes }」就报上名了。开会签到时我们会发消息给报了名的人，点里面的「{ meeting-btn-checkin }」就行；也可以在「{ menu-consult }」里点「{ meeting-btn-checkin-code }」，输入工作人员出示的签到码。
    }
howto-topic = { $registered ->
        [no] 提议题要先登记住址：点「{ menu-register }」，一分钟就好。登记好后点「{ menu-consult }」，再点「{ consult-btn-propose }」，用一句话写下您想讨论的事。
       *[yes] 点下方的「{ menu-consult }」，再点「{ consult-btn-propose }」，用一句话写下您想讨论的事就行。别人提的议题在「{ consult-btn-topics }」里，赞成的可以点「{ topic-btn-back }」。
    }
howto-file = { $registered ->
        [no] 反映问题要先登记住址：点「{ menu-register }」，一分钟就好。登记好后点「{ menu-order-new }」，说说是什么事、在哪里，说完点「{ order-btn-finished }」，再点「{ order-btn-submit }」。
       *[yes] 点下方的「{ menu-order-new }」，用文字、照片或语音说说是什么事、在哪里，说完点「{ order-btn-finished }」，再点「{ order-btn-submit }」就报给社区了。也可以直接把事情打字发给我。
    }
howto-follow = 点下方的「{ menu-order-mine }」，能看到您反映的每件事办到哪一步了，点那件事的「查看」按钮看详情。等了太久还没人处理的，那里会出现「{ order-btn-urge }」按钮，点它就会提醒负责的人；催过以后，过一天还可以再催。
howto-withdraw = 点下方的「{ menu-order-mine }」，再点那件事的「查看」按钮：社区还没受理的，下面有「{ order-btn-withdraw }」，点它再点「{ order-btn-withdraw-yes }」就撤回了。社区已经在办的事不能撤回了，可以点「{ order-btn-add-info }」说明情况。
howto-add-info = 点下方的「{ menu-order-mine }」，再点那件事的「查看」按钮，点「{ order-btn-add-info }」，就可以补充文字、照片、语音或位置了，负责的人会收到。
howto-rate = 事情办好后，我们会发消息请您评价，点「{ order-rate-satisfied }」「{ order-rate-basic }」或「{ order-rate-unsatisfied }」就行；也可以在「{ menu-order-mine }」里点开那件事评价。选「{ order-rate-unsatisfied }」的，社区会重新办理。
howto-points = { $member ->
        [yes] 点下方的「{ menu-order-points }」，能看到本月和累计的积分、服务时长和社区排行。每个工单上写着能得多少积分，您接单办完、经社区验收通过后就记给您。
       *[no] 积分和服务时长是给报到的党员、志愿者的：接单办完、经社区验收通过后记上。想参加的话，先点「{ menu-become-member }」报到，社区审核通过后就能接单、攒积分了。
    }
howto-claim = { $member ->
        [yes] 点下方的「{ menu-order-open }」，看到适合您的工单，点它的「✋ 接」按钮就接下了；有新工单我们也会通知您。接下的工单在「{ menu-order-claims }」里，办完点「{ order-btn-report-done }」。
       *[no] 接单要先报到：点「{ menu-become-member }」填写资料，社区审核通过后，菜单里会出现「{ menu-order-open }」，在那里点一下就能接单。
    }
howto-join = { $member ->
        [yes] 您已经是报到的党员/志愿者了，不用再报到。点「{ menu-order-open }」可以接单，在「{ menu-order-points }」里看积分。
       *[no] 点下方的「{ menu-become-member }」（或发 /join），按提示填写姓名、工作单位、手机号和特长，选好服务的社区。社区审核通过后会通知您，然后就可以接单了。
    }
howto-address = { $registered ->
        [no] 点下方的「{ menu-register }」（或发 /register），按提示选社区、网格、楼栋，再填上房号就登记好了，只要一分钟。
       *[yes] 点下方的「{ menu-profile }」，再点「{ profile-edit-address }」，按提示重新选社区、楼栋，填上房号就改好了。改了住址，社区会重新核实。
    }
howto-phone = { $registered ->
        [no] 手机号在登记住址时留：点「{ menu-register }」，登记的最后一步可以留手机号。
       *[yes] 点下方的「{ menu-profile }」，再点「{ profile-edit-phone }」，然后点「{ reg-share-phone }」或直接输入新号码；不想留了可以点「{ profile-phone-remove }」。
    }
howto-quiet = 夜间免打扰在「{ menu-profile }」里设置：开着的时候，夜里的一般通知会留到早上再发，紧急的照常发。要打开就点「{ profile-quiet-enable }」，想夜里也收到通知就点「{ profile-quiet-disable }」。
howto-forget = 点下方的「{ menu-profile }」，再点「{ profile-forget }」（也可以发 /forget），确认后就删除您的姓名、住址、房号、手机号和报到资料。已经办过的事会留下记录，但不再和您关联。
howto-language = 发 /lang，在列出的语言里点一个（简体中文、繁體中文或 English）就换好了，菜单也会跟着换。
howto-office = { $registered ->
    [yes] 您所在的社区还没有在这里登记电话和地址。有事可以直接点「{ menu-order-new }」告诉我们，或者问问您的网格员。
   *[no] 还不知道您住在哪个社区。点「{ menu-register }」登记住址后，再问我就能告诉您社区的电话、地址和办公时间。
}

fallback-kept-until-registered = 您说的我们先记下了。要把这件事报给社区，需要先登记您的住址（只要一分钟）；登记好后接着提交，不用再说一遍。
fallback-kept-until-registered-staff = 如果说的是您自己家的事，已经先记下了：点下面的按钮登记住址，登记好后接着提交，不用再说一遍。
# staff typed words nothing reads (handlers.fallback._staff_not_read): what they can say
# instead (fallback-staff-ways), and a button for when it is about their own home
fallback-staff-unread = 这句话没有看出是哪项工作。工作上的事可以这样说，或点菜单里的按钮：
# a photo, a voice note or a place sent by staff without an address here, outside any form
fallback-staff-media-unread = { $kind ->
    [photo] 这张照片
    [voice] 这段语音
   *[place] 这个位置
}没有看出是哪项工作。工作上的事可以这样说，或点菜单里的按钮：
fallback-staff-ways =
    •「待办」：待处理的诉求（{ menu-order-queue }）
    •「代居民登记」：替打电话或上门的居民登记（{ menu-order-on-behalf }）
    •「本周统计」：台账数字（{ menu-order-stats }）
    •「查一下周阿姨的诉求」：找某件事，也可以直接发编号，如 00012
    •「议事管理」：会议和投票（{ menu-consult-staff }）
fallback-staff-unread-own = 如果说的是您自己家的事，请点下面的按钮：这句话会先记下，登记住址后接着提交。
fallback-staff-media-own = 如果是您自己家的事，请点下面的按钮：{ $kind ->
    [photo] 照片
    [voice] 语音
   *[place] 位置
}会先记下，登记住址后接着提交；不点就不会记下。
# staff who also registered their home address here: the button begins their own request
fallback-staff-unread-home = 如果说的是您自己家里的事，请点下面的按钮，接着把它报给社区，和居民报事一样。
fallback-own-matter-button = 🏠 是我自己家的事
fallback-choice-own = 是我自己家的事

# a date and time as people read it, in cards, lists, notices and the time steps
# (services.when.when_args: year, month, day, weekday, time)
date-time = { $year ->
        [none] {""}
       *[other] { $year }年
    }{ $month }月{ $day }日（{ $weekday ->
        [mon] 周一
        [tue] 周二
        [wed] 周三
        [thu] 周四
        [fri] 周五
        [sat] 周六
       *[sun] 周日
    }）{ $time }

# 打个电话给我 / 我不会打字 (handlers.call_back)
callme-answer = 不会打字也没关系，这几种办法都行：
    · 发语音：按住输入框旁边的 🎤 说话，松开就发出去了，社区会听您的语音；
    · 直接打社区电话（见下面）；
    · 点「📞 请社区回电」，社区工作人员会给您打电话。
smalltalk-call_me = { callme-answer }
callme-btn = 📞 请社区回电
callme-register-first = 请社区回电要先登记住址：点「🏠 登记住址」，一分钟就好。也可以直接打社区电话。
callme-ask-phone = 请留一个能接电话的号码：点下面的「📱 发送我的手机号」，或者直接打出号码（比如 13912345678）。
callme-phone-invalid = 没看出号码来。请点「📱 发送我的手机号」，或者打出手机号（11 位）或带区号的座机；不需要回电就点「✖️ 取消」。
callme-cancelled = 好的，不回电了。有需要随时跟我说，也可以直接打社区电话。
callme-matter = 居民请社区回电话（不方便打字）。
callme-filed = 已请社区给您回电话，编号 { $number }。工作人员会打 { $phone } 联系您，请留意来电。
callme-words-kept = 您说的「{ $words }」已经记下，会和回电请求一起交给社区工作人员。
callme-cancelled-words = 您刚才说的「{ $words }」也没有交给社区；要反映这件事，直接跟我说就行。
fallback-choice-callme = 请社区回电
callme-answer-new = 不会打字也没关系：按住输入框旁边的 🎤 说话，松开就发出去了，社区会听您的语音。
    想让社区打电话给您，先登记一下住址（点下面的按钮，一分钟就好），之后说「给我打个电话」就行。
