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
common-not-sure = 不清楚

group-use-private = 我只在私聊里为大家服务（点单、登记、议事都在私聊办理）。请点下方按钮，或搜索 { $bot } 和我私聊。
group-open-private = 💬 和我私聊
group-kept-go-private = 收到！这件事请到私聊里提交：点下方按钮和我私聊，您说的已经记下，不用再说一遍（房号、电话等也请在私聊里说，不要发在群里）。
fallback-kept-offer = 您在群里说的事：
    「{ $text }」
    要把这件事报给社区吗？点下面的按钮，还可以补充照片、语音或位置。
fallback-kept-photo = 一张照片
fallback-kept-joined = 您在群里说的事，和刚才说的，合在一起：
    「{ $text }」
    要把这件事报给社区吗？点下面的按钮，还可以补充照片、语音或位置。

err-generic = 抱歉，出了点问题，我们已记录下来。请稍后再试，或发 /start 回到主菜单。
err-stale-button = 这个按钮已经失效了：那一步已经完成、取消，或者有了更新的消息。请使用最新一条消息里的按钮，或下方的菜单；正在填写的内容不受影响。
err-not-allowed = 抱歉，您没有权限进行这个操作。
err-throttled = 您操作得太快了，请稍等几秒再试。
err-menu-not-yours = 「{ $label }」现在不在您的菜单里了（可能是身份有了变化）。请用下方的按钮；有疑问可以联系社区。
err-unknown-text = 没有看懂您的意思。请点下方按钮选择要做的事，或发 /help 查看帮助。
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
fallback-offer-request = 要把这件事报给社区吗？点下面的按钮，我们会帮您登记，您还可以补充照片、语音或位置。
fallback-file-button = 📝 报给社区
fallback-draft-started = 好的，已经记下您说的话。还可以补充文字、照片、语音或位置；说完请点「✅ 说完了」。
fallback-draft-started-media = 好的，已经记下您发来的内容。请再用文字或语音说说是什么事、在哪里；说完请点「✅ 说完了」。
fallback-draft-started-voice = 好的，已经记下您的语音。还可以补充文字、照片或位置；说完请点「✅ 说完了」。
smalltalk-thanks = 不客气！有需要随时找我们。
smalltalk-ack = 好的。有需要时点下面的按钮就行。
smalltalk-bye = 再见，祝您生活愉快！有需要随时来找我们。
fallback-kept-until-registered = 您说的我们先记下了。要把这件事报给社区，需要先登记您的住址（只要一分钟）；登记好后接着提交，不用再说一遍。

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
