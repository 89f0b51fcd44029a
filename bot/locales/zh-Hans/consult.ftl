## 议事协商: meetings, topics, polls

menu-consult = 🗳 近期议事
menu-consult-staff = 🏛 议事管理

consult-err-audience-empty = 请至少选择一个网格或楼栋。
consult-err-audience-invalid = 所选范围不属于本社区，请重新选择。
consult-hub = <b>近期议事</b>
consult-hub-empty = 最近没有安排议事会，也没有进行中的投票。
consult-hub-pick = 点下面的 📅 议事会可以看时间地点、报名；点 🗳 投票可以投票。
consult-hub-results = 带 📊 的是最近结束的投票，点一下看结果。
consult-btn-topics = 💡 议题征集
consult-btn-propose = ✍️ 提议题
consult-staff-hub = <b>议事管理</b>
    选择要做的事：
consult-btn-new-meeting = ➕ 新建议事会
consult-btn-new-poll = ➕ 新建投票
consult-btn-my-meetings = 📋 议事会列表
consult-btn-my-polls = 📊 投票列表
consult-btn-topic-review = 💡 处理议题
consult-btn-groups = 👥 本社区的群
consult-yes = ✅ 是
consult-no = ❌ 否
consult-done = ✅ 完成
# a form's question answered with its buttons: the answer under it, the buttons gone
consult-answered = ✅ { $answer }
consult-draft-saved = ✅ 草稿已保存（还没有发出），请核对下面的内容：
consult-back = ⬅️ 返回
consult-cancelled = 已取消，没有保存任何内容。
consult-change-cancelled = 已取消，没有做任何改动，原来的内容都还在。
consult-draft-edited = ✅ 已修改。草稿还没有发出，不会通知任何人；核对无误后点「{ meeting-btn-publish }」。
consult-ask-time-format = 请按「{ $example }」的格式输入时间（本地时间）。
consult-err-time = 没看懂这个时间，请再输入一次，例如「{ $example }」，也可以写「明晚7点」「下周三 19:30」（本地时间）。
when-which-day = 现在是凌晨，您说的“明天”是指哪一天？请点下面的按钮选一个（也可以直接输入日期和时间）。
when-which-day-today = { $month }月{ $day }日 { $time }（{ $evening ->
        [yes] 今天晚上
       *[no] 今天白天
    }）
when-which-day-tomorrow = { $month }月{ $day }日 { $time }
consult-err-day-only = 「{ $typed }」几点呢？请把钟点也写上，例如「{ $example }」（本地时间）。
consult-err-day-past = 这一天已经过去了，请输入将来的日期和时间，例如「{ $example }」（本地时间）。
consult-time-read = 🕒 时间：{ date-time }
consult-held = 🌙 现在是免打扰时段：其中 { $count } 人的通知会在 { $when } 发出。
consult-audience-community = 全社区
consult-audience-grids = 指定网格
consult-audience-buildings = 指定楼栋
consult-audience-members = 报到党员/志愿者
# a draft whose audience has nobody to tell (a building where nobody has registered): under
# its preview, and answering 📣 发布 on its card; audience: who it is for (3号楼, 全社区 …)
consult-audience-nobody = ⚠️ 发布后会通知：0 人。{ $audience }目前没有在机器人上登记的{ $members ->
        [true] 报到党员/志愿者
       *[other] 居民
    }，现在发出去，没有人会收到。
    可以点「👥 改面向范围」换一个范围；确实要发，请点「📣 仍然发布」。
consult-btn-publish-anyway = 📣 仍然发布
consult-btn-change-audience = 👥 改面向范围
consult-audience-changed = ✅ 面向范围已改为：{ $audience }。请再核对一下：
consult-ask-audience = 面向哪些人？
consult-ask-audience-pick = 请选择（可多选），选好后点「✅ 完成」：
consult-no-community = 您还没有被分配到任何社区，无法发布。

## Meetings
meeting-kind-residents = 居民议事会
meeting-kind-party_masses = 党群议事会
meeting-kind-estate = 小区事务协调会
meeting-kind-hearing = 重大事项听证会
meeting-kind-building_night = 楼栋夜话
meeting-kind-other = 其他会议
meeting-status-draft = 草稿
meeting-status-published = 已发布
meeting-status-checkin = 已发布，签到中
meeting-status-running = 进行中
meeting-status-ended = 已结束，待发纪要
meeting-status-cancelled = 已取消
meeting-status-minuted = 已发布纪要

meeting-err-not-found = 找不到这个议事会。
meeting-err-title = 标题最多 { $limit } 个字，请精简后重新输入。
meeting-err-agenda-too-long = 议程太长了（{ $length } 字），最多 { $limit } 字。请只写要点。
meeting-err-agenda-count = 议程最多 { $limit } 项。
meeting-err-agenda-empty = 请至少写一项议程。
meeting-err-start-past = 开会时间已经过去了，请输入将来的时间。
meeting-err-too-far = 开会时间太远了，最多提前 { $days } 天安排。注意：没写年份的日期如果今年已经过了（比如现在写上个月的日子），会算成明年的；请输入将来的时间。
meeting-err-duration = 会议时长要在 { $low } 到 { $high } 分钟之间。
meeting-err-where = 请填写开会地点或线上会议链接。
meeting-err-link = 会议链接要以 https:// 开头。
meeting-err-capacity = 人数上限要在 1 到 { $high } 之间，不限人数请点「不限」。
meeting-err-not-draft = 这个议事会已经发布过了。
meeting-err-cancelled = 这个议事会已经取消了，无法报名。
meeting-err-over = 这个议事会已经结束了。
meeting-err-over-staff = 这次议事会已经结束了，不能再修改或延期。接下来可以点卡片上的「📝 发布纪要」；如果还要再开，请新建一次议事会。
meeting-err-staff-cancelled = 这个议事会已经取消了，不能再修改、延期、发布或写纪要。
meeting-err-postpone-draft = 议事会还没有发布，可以直接「修改」开会时间。
meeting-err-postpone-earlier = 延期后的时间要晚于原定的开会时间。要提前开会，请在议事会卡片上点「✏️ 修改」改时间。
meeting-err-not-audience = 这个议事会不面向您所在的范围，无法报名。
meeting-err-checkin-cancelled = 这个议事会已经取消了，不用签到了。
# before check-in opens ($when: the start, $opens: the clock time check-in opens)
meeting-err-checkin-window = 还没到签到时间：{ $title } 在 { $when } 开会，{ $opens } 开始签到（开会前 { $before } 分钟）。
meeting-err-code = 签到码不对，请核对工作人员出示的签到码。还可以再试 { $left } 次。
meeting-err-code-format = 签到码是 { $length } 位数字{ $typed ->
        [0] ，请输入工作人员出示的数字，例如 123456。
       *[other] ，您输入的是 { $typed } 位。请核对工作人员出示的签到码，{ $length } 位都要输入。
    }
meeting-err-code-locked = 签到码已经连续输错 { $tries } 次，为了安全，请 { $minutes } 分钟后再试。也可以请现场工作人员帮您核对签到码；如果您报了名，签到开始时发给您的消息里有「📍 签到」按钮，直接点它就行。
meeting-err-not-published = 议事会还没有发布，或已经取消。
meeting-err-minutes-early = 会议开始后才能发布纪要。
meeting-err-minuted = 纪要已经发布过了。
meeting-err-minuted-first = { $by ->
        [self] 这次议事会的纪要您已经发布过了，这份没有再发，大家只会收到一份。
        [colleague] { $name } 已经发布了这次议事会的纪要，您写的这份没有发出，大家只会收到一份纪要。
       *[unknown] 这次议事会的纪要已经发布过了，您写的这份没有发出，大家只会收到一份纪要。
    }
meeting-err-decisions = 决议最多 { $limit } 条，每条最多 { $length } 字。
meeting-err-minutes-total = 纪要和决议要在一条消息里发给大家，合计最多 { $limit } 字，现在是 { $length } 字。请把决议写短一些再发，或点「跳过」。
meeting-err-no-change = 没有修改任何内容。
meeting-err-no-orders = 工单功能还没有开通，暂时不能把决议转成工单。
meeting-err-decision-done = 这条决议已经转成工单了（{ $ref }）。
meeting-err-decision-not-found = 找不到这条决议。

meeting-card = <b>{ $kind ->
        [residents] { meeting-kind-residents }
        [party_masses] { meeting-kind-party_masses }
        [estate] { meeting-kind-estate }
        [hearing] { meeting-kind-hearing }
        [building_night] { meeting-kind-building_night }
       *[other] { meeting-kind-other }
    }：{ $title }</b>
    🕒 { $when }（约 { $duration } 分钟）
    { $place ->
        [none] {""}
       *[other] 📍 { $place }
    }
    { $link ->
        [none] {""}
       *[other] 💻 { $link }
    }
    👥 面向：{ $audience_kind ->
        [grids] { $audience_names }
        [buildings] { $audience_names }
        [members] 报到党员/志愿者
       *[community] 全社区
    }
    { $capacity ->
        [0] 人数：不限
       *[other] 人数上限：{ $capacity } 人
    }
    <b>议程</b>
    { $agenda }
# a public notice in the community's group (no agenda, no link, no names): what, when, where,
# and the button that opens the private chat at it
meeting-group-notice = 📣 <b>议事会通知</b>
    <b>{ $kind ->
        [residents] { meeting-kind-residents }
        [party_masses] { meeting-kind-party_masses }
        [estate] { meeting-kind-estate }
        [hearing] { meeting-kind-hearing }
        [building_night] { meeting-kind-building_night }
       *[other] { meeting-kind-other }
    }：{ $title }</b>
    🕒 { $when }
    { $place ->
        [none] {""}
       *[other] 📍 { $place }
    }
    欢迎全社区居民参加。{ $link ->
        [yes] 议程和报名请点下方按钮，在和我的私聊里查看、报名。
       *[other] 议程和报名请在和我的私聊里「{ menu-consult }」查看。
    }
poll-group-notice = 🗳 <b>投票通知</b>
    { $question }
    ⏰ { $closes } 截止
    { $link ->
        [yes] 请点下方按钮，在和我的私聊里投票（投票内容不会发在群里）。
       *[other] 请在和我的私聊里「{ menu-consult }」投票（投票内容不会发在群里）。
    }
meeting-group-notice-cancelled = 📣 <b>议事会已取消</b>
    <s>{ $kind ->
        [residents] { meeting-kind-residents }
        [party_masses] { meeting-kind-party_masses }
        [estate] { meeting-kind-estate }
        [hearing] { meeting-kind-hearing }
        [building_night] { meeting-kind-building_night }
       *[other] { meeting-kind-other }
    }：{ $title }</s>
    🕒 原定 { $when }
    这次议事会已取消，不用再报名了。
meeting-group-notice-held = 📣 <b>议事会已召开</b>
    { $kind ->
        [residents] { meeting-kind-residents }
        [party_masses] { meeting-kind-party_masses }
        [estate] { meeting-kind-estate }
        [hearing] { meeting-kind-hearing }
        [building_night] { meeting-kind-building_night }
       *[other] { meeting-kind-other }
    }：{ $title }
    🕒 { $when }
    { $minuted ->
        [yes] 这次议事会已经开过了。纪要和决议已在私聊里发给居民，请到和我的私聊里查看。
       *[other] 这次议事会已经开过了，不用再报名了。纪要整理好后会在私聊里发给居民。
    }
poll-group-notice-closed = 🗳 <b>投票已结束</b>
    { $question }
    { $result ->
        [none] 结果已在私聊里告知参与的居民。
       *[other] { $result }
    }
poll-group-notice-cancelled = 🗳 <b>投票已撤销</b>
    <s>{ $question }</s>
    这次投票已撤销，不用再投了。
# the one-line conclusion of a closed poll under its notice in the group
poll-group-outcome = { $passed ->
        [true] 结论：✅ 通过（{ $winner }）
        [false] 结论：❌ 未通过
       *[none] { $outcome ->
            [winner] 结论：得票最多：{ $winner }
            [tie] 结论：平票（{ $tied }）
           *[none] 结论：无人投票
        }
    }
# the private-chat link of a group's notice, followed before registering: kind m (meeting) or p (poll)
public-link-register-first = { $kind ->
        [m] 报名这场议事会要先登记住址，只需一分钟。登记完成后，我会把这场议事会发给您。
       *[p] 参加这次投票要先登记住址，只需一分钟。登记完成后，我会把这次投票发给您。
    }
public-link-after-reg-gone = { $kind ->
        [m] 您登记前想看的那场议事会已经取消、结束，或不面向您登记的住址。
       *[p] 您登记前想看的那次投票已经结束，或不面向您登记的住址。
    }
public-btn-meeting = 💬 私聊报名
public-btn-poll = 💬 私聊投票
meeting-announce = 📣 <b>议事会通知</b>
    <b>{ $kind ->
        [residents] { meeting-kind-residents }
        [party_masses] { meeting-kind-party_masses }
        [estate] { meeting-kind-estate }
        [hearing] { meeting-kind-hearing }
        [building_night] { meeting-kind-building_night }
       *[other] { meeting-kind-other }
    }：{ $title }</b>
    🕒 { $when }（约 { $duration } 分钟）
    { $place ->
        [none] {""}
       *[other] 📍 { $place }
    }
    { $link ->
        [none] {""}
       *[other] 💻 { $link }
    }
    👥 面向：{ $audience_kind ->
        [grids] { $audience_names }
        [buildings] { $audience_names }
        [members] 报到党员/志愿者
       *[community] 全社区
    }
    { $capacity ->
        [0] 人数：不限
       *[other] 人数上限：{ $capacity } 人
    }
    <b>议程</b>
    { $agenda }
    { $open ->
        [no] {""}
       *[yes] 请点下方按钮告诉我们您是否参加。
    }
meeting-btn-yes = 去
meeting-btn-maybe = 不确定
meeting-btn-no = 不去
meeting-btn-chosen = ✅ { $label }
meeting-btn-chosen-waitlist = ⏳ 候补第 { $position } 位
meeting-btn-checkin = 📍 签到
# $open: no once the meeting was cancelled (the answer is redrawn): nothing to do or wait for
meeting-rsvp-going = 已报名：{ $title }。
    🕒 { $when }
    📍 { $where }
    { $open ->
        [no] {""}
       *[yes] 我们会在开会前提醒您。
    }
meeting-rsvp-going-soon = 已报名：{ $title }。会议马上就要开始了：🕒 { $when }，📍 { $where }。请准时参加。
meeting-rsvp-waitlist = { $title }：人数已满，您在候补名单第 { $position } 位。{ $open ->
        [no] {""}
       *[yes] 有人取消时我们会通知您。
    }
meeting-rsvp-maybe = 已记录「不确定」：{ $title }。{ $open ->
        [no] {""}
       *[yes] 想好了可以随时改。
    }
meeting-rsvp-no = 已记录「不去」：{ $title }。{ $open ->
        [no] {""}
       *[yes] 如果改变主意，随时可以重新报名。
    }
meeting-rsvp-replaced = （这是您之前的回答，已经改了，以下面最新的一条为准。）
meeting-typed-rsvp = 您是说「{ $title }」{ $answer ->
        [yes] 要去
        [maybe] 还不确定去不去
       *[no] 不去
    }吗？
    🕒 { $when }
    📍 { $where }
    { $open ->
        [no] {""}
       *[yes] 点一下下面的按钮，或回一句「好的」，就记上了：
    }
meeting-btn-typed-rsvp = ✅ 确认{ $answer ->
        [yes] 去
        [maybe] 不确定
       *[no] 不去
    }
meeting-btn-typed-rsvp-view = 📅 查看会议
meeting-typed-rsvp-same = 「{ $title }」您已经回复过了：{ $status }。要改的话，点下面的会议再选。
meeting-typed-rsvp-declined = 好的，没有给您记。想报名的时候，在「{ menu-consult }」里点开会议再选。
meeting-typed-rsvp-which = 最近有几个议事会，您说的是哪一个？点开会议，再点「去」「不确定」或「不去」：
meeting-typed-rsvp-company = 报名是一人一份、每人给自己报的，您的回复只算您本人。{ $who ->
        [none] 和您一起来的家人
       *[other] 您{ $who }
    }也想参加的话，请{ $who ->
        [none] 他们
       *[other] { $who }
    }用自己的手机打开「邻里」，登记住址后在「{ menu-consult }」里点开这个会，再点「{ meeting-btn-yes }」；没有手机或不会用的，跟社区工作人员说一声就行。
meeting-promoted = 🎉 有空位了，您已从候补转为正式参加：{ $title }（{ $when }）。
meeting-reminder = ⏰ 提醒：{ $title } 将于 { $when } 开始。
    📍 { $where }
meeting-changed = ✏️ 议事会有变动：{ $title }
    { $new_title ->
        [none] {""}
       *[other] 标题改为：{ $new_title }
    }
    { $new_time ->
        [none] {""}
       *[other] 时间改为：{ $new_time }
    }
    { $new_place ->
        [none] {""}
       *[other] 📍 地点改为：{ $new_place }
    }
    { $new_link ->
        [none] {""}
       *[other] 💻 线上链接改为：{ $new_link }
    }
    { $new_capacity ->
        [none] {""}
        [0] 人数改为：不限
       *[other] 人数上限改为：{ $new_capacity } 人
    }
    { $new_agenda ->
        [none] {""}
       *[other] 议程有调整：
    }
    { $new_agenda ->
        [none] {""}
       *[other] { $new_agenda }
    }
meeting-postponed = ⏳ 议事会延期：{ $title }
    新时间：{ $when }
    原因：{ $reason }
meeting-cancelled-notice = ❌ 议事会取消：{ $title }（原定 { $when }）
    原因：{ $reason }
# $open: no once the meeting was cancelled, moved once its time changed (postponed) while
# check-in was open ($when: the new start; $before: minutes): redrawn without its button
meeting-checkin-open = { $open ->
        [no] 📍 { $title } 的签到已取消。
        [moved] 📍 { $title } 改到 { $when } 开会，这里的签到已停止；开会前 { $before } 分钟会重新开始签到。
       *[yes] 📍 { $title } 现在开始签到，到场后请点下方按钮签到。
    }
meeting-checked-in = ✅ 签到成功：{ $title }
meeting-checked-in-already = 您已经签到过了。
meeting-minutes-notice = 📝 <b>议事会纪要：{ $title }</b>（{ $when }）
    { $minutes }
    <b>决议</b>
    { $decisions ->
        [none] { meeting-no-decisions }
       *[other] { $decisions }
    }
    { $attended ->
        [0] {""}
       *[other] 📍 在机器人上签到 { $attended } 人。
    }
meeting-no-decisions = （无）
meeting-list-title = <b>近期议事会</b>
meeting-list-empty = 最近没有安排议事会。
meeting-list-item = { $when } · { $title }（{ $status }）
# a card or sign-up answer of a meeting, redrawn once it was cancelled
meeting-now-cancelled = ❌ 这次议事会已取消。原因：{ $reason }
# under a notice of an earlier change (延期, 修改) once the meeting changed again
meeting-now-since = ℹ️ 之后又有变动，现在是：🕒 { $when } 📍 { $where }
# under a notice of the person's place (moved up from the waitlist, moved to it) once it or
# the meeting changed
meeting-now-place = ℹ️ 之后又有变动，现在是：🕒 { $when } 📍 { $where }，您的报名：{ $status }
meeting-my-status = 您的报名：{ $status }
meeting-rsvp-status-going = 参加
meeting-rsvp-status-waitlist = 候补
meeting-rsvp-status-waitlist-at = 候补第 { $position } 位
meeting-rsvp-status-maybe = 不确定
meeting-rsvp-status-no = 不去
meeting-rsvp-status-none = 未回复

meeting-staff-card = <b>{ $kind ->
        [residents] { meeting-kind-residents }
        [party_masses] { meeting-kind-party_masses }
        [estate] { meeting-kind-estate }
        [hearing] { meeting-kind-hearing }
        [building_night] { meeting-kind-building_night }
       *[other] { meeting-kind-other }
    }：{ $title }</b>
    🕒 { $when }（约 { $duration } 分钟）
    { $place ->
        [none] {""}
       *[other] 📍 { $place }
    }
    { $link ->
        [none] {""}
       *[other] 💻 { $link }
    }
    👥 面向：{ $audience_kind ->
        [grids] { $audience_names }
        [buildings] { $audience_names }
        [members] 报到党员/志愿者
       *[community] 全社区
    }
    { $capacity ->
        [0] 人数：不限
       *[other] 人数上限：{ $capacity } 人
    }
    <b>议程</b>
    { $agenda }
    状态：{ $status } · 签到码：<code>{ $code }</code>
    报名：参加 { $going } · 候补 { $waitlist } · 不确定 { $maybe } · 不去 { $no } · 已签到 { $checked }
meeting-attendees = <b>报名名单：{ $title }</b>
    { $lines }
meeting-attendees-empty = 还没有人报名。
meeting-btn-publish = 📣 发布
meeting-btn-edit = ✏️ 修改
meeting-btn-postpone = ⏳ 延期
meeting-btn-cancel = ❌ 取消会议
meeting-btn-attendees = 👥 名单
meeting-btn-minutes = 📝 发布纪要
meeting-btn-to-order = 🧾 转为工单
meeting-btn-open = 查看
meeting-new-kind = 新建议事会。请选择会议类型：
meeting-kind-again = 回到了第一步：会议类型（之前选的是「{ $kind }」）。已经填写的内容都还在，选好类型后接着填。
meeting-title-before-kind = 好的，会议标题记为「{ $title }」。请再点下面的按钮选会议类型：
meeting-kind-typed = 会议类型：{ $kind }
consult-said-taken = 已记下：{ $items }
consult-said-part = { $said }（具体几点，到填时间那一步再定）
consult-said-later = 「{ $typed }」这样还用不上，到它那一步再问您。
consult-said-rest = 这几句没有对应的栏目，没有填进去（需要的话写进议程）：「{ $rest }」
meeting-ask-title = 请输入会议标题（最多 100 字）：
meeting-ask-agenda = 请输入议程，每行一项（最多 20 项，共 2000 字以内）：
meeting-ask-time-part = 您说的是「{ $said }」，具体几点开？点下面的按钮就定在 { $at }；别的时间请直接输入，比如「3点」「15:30」（本地时间）。
meeting-btn-part-at = 🕑 { $at }
meeting-ask-time-part-over = 您说的是「{ $said }」，现在已经不早了：请输入开会的日期和钟点，比如「明天下午3点」（本地时间）。
meeting-ask-time = 请输入开会时间，例如「{ $example }」或「下周三 晚上7点半」：
meeting-ask-duration = 会议大约多长时间？请点下面的按钮，或直接输入，例如「45分钟」「一个半小时」：
meeting-duration-minutes = { $minutes } 分钟
meeting-err-duration-typed = 请点上面的按钮选择会议时长，或直接输入，例如「90分钟」「两小时」。要改开会时间的话，直接输入新的时间。
meeting-ask-place = 请输入开会地点；如果是线上会议，请发会议链接（https://…）：
meeting-ask-capacity = 最多多少人参加？请输入数字，或点「不限」。
meeting-btn-unlimited = 不限
meeting-preview = { $published ->
        [none] <b>预览</b>（还没有发出）
       *[other] ✅ <b>已发布</b>（{ $published }）
    }
    <b>{ $kind ->
        [residents] { meeting-kind-residents }
        [party_masses] { meeting-kind-party_masses }
        [estate] { meeting-kind-estate }
        [hearing] { meeting-kind-hearing }
        [building_night] { meeting-kind-building_night }
       *[other] { meeting-kind-other }
    }：{ $title }</b>
    🕒 { $when }（约 { $duration } 分钟）
    { $place ->
        [none] {""}
       *[other] 📍 { $place }
    }
    { $link ->
        [none] {""}
       *[other] 💻 { $link }
    }
    👥 面向：{ $audience_kind ->
        [grids] { $audience_names }
        [buildings] { $audience_names }
        [members] 报到党员/志愿者
       *[community] 全社区
    }
    { $capacity ->
        [0] 人数：不限
       *[other] 人数上限：{ $capacity } 人
    }
    <b>议程</b>
    { $agenda }
    { $published ->
        [none] 确认无误后点「📣 发布」。
       *[other] {""}
    }
meeting-published = ✅ 已发布，正在通知 { $count } 人。签到码：<code>{ $code }</code>
meeting-edit-what = 要修改什么？
meeting-edit-field-title = 标题
meeting-edit-field-agenda = 议程
meeting-edit-field-time = 时间
meeting-edit-field-place = 地点/链接
meeting-edit-field-capacity = 人数上限
meeting-edit-ask-value = 现在是：{ $current }
    请输入新的内容：
meeting-capacity-none = 不限
meeting-capacity-typed = { $capacity } 人
meeting-edited = ✅ 已修改，正在通知 { $count } 位报名的居民。
meeting-capacity-over = ⚠️ 已经有 { $going } 人报名参加，比新的上限 { $capacity } 人多 { $over } 人。还没有修改，请选择：
    · 保留已报名的人：上限改为 { $capacity } 人，已报名的 { $going } 人都可以来；有人退出、人数低于上限之前，新报名的人进入候补。
    · 最晚报名的 { $over } 人转为候补：按报名先后，他们排在候补最前面，会收到通知；有人退出时依次递补。
    · 不改了：人数上限保持原样。
    也可以直接输入一个不少于 { $going } 的人数。
meeting-btn-capacity-keep = 保留已报名的 { $going } 人，上限改为 { $capacity }
meeting-btn-capacity-cancel = 不改了
meeting-btn-capacity-waitlist = 最晚报名的 { $over } 人转为候补
# none moved: those over the capacity had all checked in (or dropped out meanwhile)
meeting-capacity-moved = { $count ->
        [0] 没有人需要转为候补（已签到的人不会转走）；人数低于上限之前，新报名的人进入候补。
       *[other] 最晚报名的 { $count } 人已转为候补，正在通知他们；有人退出时按报名先后递补。
    }
meeting-moved-to-waitlist = ℹ️ { $title }（{ $when }）的人数上限调整为 { $capacity } 人。您报名较晚，现在转为候补第 { $position } 位；有空位时我们会马上通知您。
meeting-capacity-kept = 已报名的人都保留；人数低于上限之前，新报名的人进入候补。
meeting-capacity-unchanged = 好的，人数上限没有改。
meeting-ask-postpone-time = 请输入新的开会时间，例如「{ $example }」：
meeting-ask-reason = 请简单说明原因：
meeting-postponed-done = ✅ 已延期，正在通知 { $count } 人。
meeting-cancel-done = ✅ 会议已取消，正在通知 { $count } 人。
meeting-draft-cancelled = ✅ 草稿已删除，这个议事会没有发布过，不会通知任何人。
meeting-ask-minutes = 请输入会议纪要（最多 3000 字）：
meeting-ask-decisions = 请输入决议，每行一条；没有决议请点「跳过」：
meeting-minutes-done = ✅ 纪要已发布，正在发给 { $count } 位受邀居民。
meeting-minutes-preview = 👀 预览：下面这条纪要和决议将发给 { $count } 位受邀居民，现在还没有发出。请核对，无误后点「✅ 确认发送」。
meeting-btn-minutes-send = ✅ 确认发送
meeting-btn-minutes-redo = ✏️ 改纪要
meeting-btn-decisions-redo = ✏️ 改决议
meeting-btn-minutes-drop = ✖️ 取消，不发送
meeting-minutes-use-buttons = 纪要还没有发出。请点预览下面的「✅ 确认发送」，或「✏️ 改纪要」「✏️ 改决议」「✖️ 取消，不发送」。
meeting-ask-minutes-again = 现在的纪要：
    { $current }
    请输入修改后的纪要（最多 3000 字），决议不变：
meeting-ask-decisions-again = 现在的决议：
    { $current }
    请输入修改后的决议，每行一条；不要决议请点「跳过」：
meeting-minutes-dropped = 已取消，纪要没有发出，也没有保存。需要时可以在议事会卡片上再点「📝 发布纪要」。
meeting-decision-line = { $n }. { $text }
meeting-decision-order = { $n }. { $text } → 工单 { $ref }
meeting-order-preview = <b>🧾 决议转为工单 — 请核对</b>
    决议：{ $decision }
    工单标题：{ $title }
    地点：{ $place }
    分类（自动建议）：{ $category }
    确认后会创建诉求和工单（积分、人数等按分类默认，之后可在工单里调整）。
meeting-btn-order-create = ✅ 创建工单
meeting-btn-order-title = ✏️ 改标题
meeting-order-ask-title = 现在的标题是：{ $current }
    请输入新的工单标题（最多 60 字）：
meeting-order-title-saved = ✅ 标题已改好，请再核对一下：
meeting-err-order-title = 标题不能为空，请重新输入。
meeting-to-order-done = ✅ 已根据决议创建工单 { $ref }。
meeting-ask-code = 请输入工作人员出示的 6 位签到码：
meeting-btn-checkin-code = 🔢 输入签到码

## Topics
topic-status-open = 征集中
topic-status-accepted = 已列入议程
topic-status-answered = 已答复
topic-err-not-found = 找不到这个议题。
topic-err-title = 议题标题最多 { $limit } 个字。
topic-err-detail = 议题说明最多 { $limit } 个字。
topic-err-already-backed = 您已经附议过这个议题了，每人只能附议一次。想收回可以点「↩️ 取消附议」。
topic-err-not-backed = 您现在没有附议这个议题（可能已经取消过了）。
topic-err-own = 这是您自己提的议题，不需要附议。
topic-err-closed = 这个议题已经处理过了。
topic-err-closed-unback = 这个议题已经处理过了，附议不能再更改。谢谢您的关心！
topic-err-meeting = 只能列入本社区还没开的议事会。
topic-err-limit = 您今天已经提了 { $limit } 个议题，请明天再提。
topic-ask-title = 请用一句话说出您想讨论的事（最多 100 字）：
topic-typed-ask-detail =
    议题：「{ $title }」
    可以再补充几句说明，或点「跳过」直接提交：
topic-ask-detail = 可以再补充几句说明（写多长都行，一条消息能发下即可），或点「跳过」：
topic-title-too-long-kept = 您写得很详细，这些已经记作议题的说明，不用再打一遍。请再用一句话概括一下（最多 { $limit } 字），例如「东门路灯坏了」：
topic-proposed = ✅ 议题已提交：{ $title }。其他居民可以附议，工作人员会尽快处理。
topic-typed-backed = 👍 已为「{ $title }」附议，现在有 { $backers } 人附议。改变主意的话，可以在「{ consult-btn-topics }」里点「{ topic-btn-unback }」。
topic-typed-already = 您已经附议过「{ $title }」了，每人附议一次就算数，不用再附议。
topic-typed-which = 您说的是哪一个议题？请在想附议的那个下面点「{ topic-btn-back }」：
# a topic named in words ('我支持修路那个议题') that no open topic is about; count: the open
# topics listed under it, each with its 附议
topic-typed-none = 没有找到说「{ $named }」的议题。{ $count ->
        [0] 现在没有正在征集的议题。想让大家一起议这件事，可以点「{ consult-btn-propose }」把它提出来。
       *[other] 现在正在征集的议题在下面，想附议哪一个，就点它下面的「{ topic-btn-back }」；都不是的话，可以点「{ consult-btn-propose }」把它提出来。
    }
topic-typed-own = 「{ $title }」是您自己提的议题，提议人不用再附议。想看有多少人附议，请点「{ consult-btn-topics }」。
topic-list-title = <b>议题征集</b>（按附议人数排序）
topic-list-empty = 现在还没有议题。点「✍️ 提议题」提一个吧。
topic-decided-title = <b>最近处理的议题</b>
topic-decided-answered = • 「{ $title }」已答复：{ $answer }
topic-decided-accepted = • 「{ $title }」已列入议事会「{ $meeting }」（{ $when }）
topic-detail-cut = …（说明较长，全文见上一条）
topic-detail-whole = 议题<b>{ $title }</b>的说明全文：
    { $detail }
topic-item = <b>{ $title }</b>（{ $backers } 人附议 · { $status }）
    { $detail }
topic-staff-item = <b>{ $title }</b>（{ $backers } 人附议 · { $status }）
    提议人：{ $name }{ $has_address ->
        [yes] （{ $address }）
       *[no] {""}
    } · { $when }
    { $has_detail ->
        [yes] 说明：{ $detail }
       *[no] 说明：（提议人没有补充说明）
    }
topic-btn-back = 👍 附议
topic-btn-unback = ↩️ 取消附议
topic-btn-accept = ✅ 列入议程
topic-btn-answer = 💬 答复
topic-backed = 👍 已附议，现在有 { $backers } 人附议。改变主意的话，可以点「↩️ 取消附议」。
topic-unbacked = ↩️ 已取消附议，现在有 { $backers } 人附议。
topic-accepted-notice = 🎉 您提的议题「{ $title }」已列入议事会：{ $meeting }（{ $when }）。
    { topic-accepted-next }
topic-answered-notice = 💬 您提的议题「{ $title }」有答复：
    { $answer }
topic-accepted-backer = 🎉 您附议的议题「{ $title }」已列入议事会：{ $meeting }（{ $when }）。
    { topic-accepted-next }
topic-accepted-next = { $next ->
        [published] 点下面的「📅 看议事会、报名」可以看时间地点并报名参加，到会时可以当面说说您的想法。
        [draft] 议事会还在筹备，正式发布时您会收到开会通知（时间、地点），到时可以报名参加。
        [going] 您已经报名参加这次议事会，到会时可以当面说说您的想法。
        [waitlist] 您在这次议事会的候补名单上，有空位时我们会马上通知您。
       *[elsewhere] 这次议事会不面向您所在的范围，工作人员会在会上讨论这个议题。
    }
topic-btn-meeting = 📅 看议事会、报名
topic-btn-meeting-view = 📅 看议事会
topic-answered-backer = 💬 您附议的议题「{ $title }」有答复：
    { $answer }
topic-new-staff = 💡 新议题：「{ $title }」（{ $name } 提出）
    { $has_detail ->
        [yes] 说明：{ $detail }
       *[no] 说明：（提议人没有补充说明）
    }
    请在「🏛 议事管理 → 💡 处理议题」里列入议程或答复。
topic-choose-meeting = 列入哪个议事会？也可以新建议事会，或就这个议题发起投票：
topic-no-meetings = 近期没有可以列入的议事会。可以新建一个，这个议题会列入它的议程；也可以就这个议题发起投票：
topic-btn-new-meeting = ➕ 新建议事会（列入此议题）
topic-btn-new-poll = 🗳 发起投票（就此议题）
topic-new-poll = 就议题「{ $title }」发起投票（保存草稿时告诉提议人和附议的人）。
topic-poll-done = ✅ 已告诉提议人和附议的人：这个议题交由投票决定。
topic-err-poll = 这个投票不属于议题所在的社区，或已经结束，不能用来处理这个议题。
topic-status-polled = 已发起投票
topic-decided-polled = • 「{ $title }」已发起投票：{ $question }
topic-polled-notice = 🗳 您提的议题「{ $title }」，社区将发起投票：{ $answer }
    { topic-polled-next }
topic-polled-backer = 🗳 您附议的议题「{ $title }」，社区将发起投票：{ $answer }
    { topic-polled-next }
topic-polled-next = 投票正式发出时，投票范围内的居民会收到通知，到时就可以投票。
topic-poll-withdrawn-notice = 🗳 您提的议题「{ $title }」，原定的投票（{ $answer }）已取消，不会发出。议题恢复为征集中，社区会再作安排。
topic-poll-withdrawn-backer = 🗳 您附议的议题「{ $title }」，原定的投票（{ $answer }）已取消，不会发出。议题恢复为征集中，社区会再作安排。
topic-new-meeting-kind = 新建议事会，议题「{ $title }」会列入它的议程（保存草稿时加上，并告诉提议人和附议的人）。请选择会议类型：
topic-ask-answer = 请输入答复内容：
topic-accept-done = ✅ 已列入议程，已告诉提议人。
topic-answer-done = ✅ 已答复，已告诉提议人。

## Polls
poll-err-not-found = 找不到这个投票。
poll-err-share = 比例格式不对。可以写「2/3」「75%」「三分之二」或「过半」。
poll-err-option-count = 选项要有 { $low } 到 { $high } 个：每行写一个，或写在一行里用顿号、逗号隔开，例如「同意、不同意、弃权」。
poll-err-option-duplicate = 有重复的选项，请修改。
poll-err-none-chosen = 还没有选任何一项：请先点要选的选项（可以选几项），再点「✅ 提交」。
poll-err-option-bad = 选项「{ $option }」里有表情符号或特殊字符，请只用文字，把全部选项再输入一次（每行一个）。
poll-err-option-long = 选项「{ $option }」太长了（最多 { $limit } 字），请把全部选项再输入一次（每行一个）。
poll-err-close-past = 截止时间已经过去了，请输入将来的时间。
poll-err-close-before-open = 截止时间要晚于开始时间。
poll-err-too-long = 投票时间最长 { $days } 天。注意：没写年份的日期如果今年已经过了，会算成明年的；请输入 { $days } 天以内的截止时间。
poll-err-max-choices = 最多可选数要在 1 到 { $high } 之间。
poll-err-household-members = 面向党员/志愿者的投票不能设置「一户一票」。
poll-err-not-draft = 这个投票已经发布过了。
poll-err-edit-published = 这个投票已经发布了，不能再修改：大家收到的要和发出时一样。
poll-err-edit-cancelled = 这个投票已经取消了，不能再修改。
poll-err-no-change = 和原来一样，没有修改。请输入新的内容；不改了请点「{ common-cancel }」。
poll-err-not-open = 这个投票现在不在进行中。
poll-err-cancelled = 这个投票已经取消了，之前投的票不再有效。
poll-err-not-yet = 投票还没开始，请到开始时间后再来。
poll-err-closed = 投票已经结束，不能再投了。
poll-err-need-register = 请先登记住址，才能参加投票。
poll-err-not-audience = 这个投票不面向您所在的范围，您不能投票。
poll-err-results-not-yours = 这个投票的结果只对参与范围内的居民和本社区工作人员公开。
poll-err-proxy-not-audience = 这位居民不在这个投票的范围内，不能为他代投。
poll-err-proxy-not-verified = 这位居民的住址还没有核实，这个投票只限已核实住址的居民参加。
poll-err-proxy-building = 请从列表里选择投票范围内的楼栋。
poll-err-proxy-members = 这个投票面向党员/志愿者，不能按楼栋代投。
poll-err-proxy-no-buildings = 这个投票的范围里没有您负责网格的楼栋，不能代投。
poll-err-not-verified = 这个投票只限已核实住址的居民参加。请联系网格员核实住址。
poll-err-bad-option = 这个选项无效，请重新打开投票再选。
poll-err-one-choice = 这是单选投票，只能选一项。
poll-err-too-many = 最多只能选 { $max } 项。
poll-err-already-voted = 您已经投过票了，这个投票不允许改票。
poll-err-household-voted = 您家（同一房号）已经有人投过票了，这个投票一户只能投一票。
poll-err-try-again = 投票时出了点冲突，请再点一次。
poll-err-proxy-self = 不能给自己代投。
poll-err-proxy-voted-self = { $name } 已经自己投过票了，代投不会改动本人的选择。
poll-err-proxy-household-voted = { $name } 家（同一房号）已经有人投过票了，这个投票一户只能投一票，不能再代投。
poll-err-no-resident = 这个地址没有登记的居民。

poll-announce = 🗳 <b>投票：{ $question }</b>
    截止时间：{ $closes }
    请点下方按钮投票。
poll-btn-vote = 🗳 去投票
poll-btn-submit = ✅ 提交
# a choice typed where the ballot's buttons were meant (offer_typed_choice)
poll-typed-choice = 您是要在「{ $question }」里投「{ $choice }」吗？点一下下面的按钮，或回一句「好的」，就投上了：
poll-typed-change = 您在「{ $question }」里现在投的是「{ $current }」，要改投「{ $choice }」吗？点一下下面的按钮，或回一句「好的」，就改过来了：
poll-typed-choice-which = 现在有几个投票，您说的是哪一个？点下面的投票再选：
poll-typed-choice-which-item = • 「{ $question }」里的「{ $choice }」
poll-typed-choice-declined = 好的，这一票没有投。想投的时候点上面的「{ poll-btn-open-ballot }」，或在「{ menu-consult }」里找到这个投票。
poll-typed-choice-multiple = 「{ $question }」可以选好几项：请打开选票，勾上「{ $choice }」和其他想选的，再点提交。
poll-typed-choice-same = 您在「{ $question }」里投的就是「{ $choice }」，已经记上了，不用再投。
poll-btn-vote-for = ✅ 投「{ $choice }」
poll-btn-open-ballot = 🗳 打开选票
poll-btn-change = 🔁 改票
poll-btn-results = 📊 查看结果
poll-ballot = 🗳 <b>{ $question }</b>
    { $rules }
    截止：{ $closes }
poll-rule-single = 单选，点一个选项即可。
poll-rule-multi = 多选，最多选 { $max } 项，选好后点「✅ 提交」。
poll-rule-household = 一户一票（同一房号只算一票）。
poll-rule-anonymous = 匿名投票，别人看不到您投了什么。
poll-rule-named = 实名投票。
poll-rule-quorum = 参与须{ $strict ->
        [true] 超过
       *[other] 达到
    }{ $basis ->
        [households] 总户数
        [per-household] 总户数
       *[voters] 总人数
    }的 { $quorum } 才有效{ $basis ->
        [per-household] （一户一票，按户数算）
       *[other] {""}
    }。
poll-rule-threshold = 赞成须{ $strict ->
        [true] 超过
       *[other] 达到
    }投票的 { $threshold } 才算通过。
poll-rule-change = 截止前可以改票。
poll-voted = ✅ 已投票：{ $choice }
poll-vote-changed = 🔁 已改票：{ $choice }
poll-your-vote = 您的选择：{ $choice }
poll-your-vote-proxy = ✍️ 这一票是 { $name }（社区工作人员）在 { $when } 代您投的：{ $choice }
poll-ballot-cast = 🗳 <b>{ $question }</b>
    您的选择：{ $choice }
    { $change ->
        [true] 截止前想改票，在「{ menu-consult }」里再点这个投票即可。
       *[other] 这个投票投出后不能再改。
    }
    截止：{ $closes }
# one's own ballot tapped after the poll closed (its options gone)
poll-ballot-closed = 🗳 <b>{ $question }</b>
    ⏹ 投票已经结束，{ $had ->
        [same] 您截止前投的这一票已经记上，仍然算数：{ $choice }
        [true] 这次没有改成；截止前投的仍然算数：{ $choice }
       *[other] 这一票没有记上。
    }
poll-household-voted-named = 🏠 您家（同一房号）已经投过票了：{ $name } 在 { $when } 投的。这个投票一户一票，家里一人投过就算全家投过，不用再投。
poll-household-voted-anonymous = 🏠 您家（同一房号）已经有人在 { $when } 投过票了。这个投票一户一票，家里一人投过就算全家投过，不用再投。
poll-closing-soon = ⏰ 投票「{ $question }」将于 { $closes } 截止，您还没有投票。
poll-result = 📊 <b>投票结果：{ $question }</b>
    { $lines }
    { $multiple ->
        [true] { poll-multi-note }
       *[other] {""}
    }
    参与：{ $participants } / { $eligible }{ $basis ->
        [households] 户
       *[voters] 人
    }（{ $turnout }）{ $proxies ->
        [0] {""}
       *[other] ，其中代投 { $proxies } 票
    }
    { $quorum_met ->
        [true] 法定参与比例 { $quorum }：✅ 达到
        [false] 法定参与比例 { $quorum }：❌ 未达到
       *[none] {""}
    }
    { $threshold_met ->
        [true] 通过比例 { $threshold }：✅ 达到
        [false] 通过比例 { $threshold }：❌ 未达到
       *[none] {""}
    }
    { $passed ->
        [true] 结论：✅ 通过（{ $winner }）
        [false] 结论：❌ 未通过{ $outcome ->
            [tie] （平票：{ $tied } 各 { $tied_votes } 票）
           *[other] {""}
        }
       *[none] { $outcome ->
            [winner] 结论：得票最多：{ $winner }
            [tie] 平票：{ $tied } 各 { $tied_votes } 票
           *[none] 结论：无人投票
        }
    }
poll-result-list-sep = {"、"}
poll-result-list-last-sep = {"、"}
# turnout against the eligible (and the quorum, where the poll has one), in the poll's unit
poll-live-results = 📊 <b>目前结果</b>（投票进行中）
    { $lines }
    { poll-turnout }
    { $multiple ->
        [true] { poll-multi-note }
       *[other] {""}
    }
# who took part so far, against the eligible and the quorum (live results, the staff card)
poll-turnout = 已有 { $participants }/{ $eligible } { $basis ->
        [households] 户
       *[voters] 人
    }参与（{ $turnout }）{ $quorum_met ->
        [true] ，法定要求 { $quorum }（{ $needed } { $basis ->
            [households] 户
           *[voters] 人
        }）：✅ 已达到
        [false] ，法定要求 { $quorum }（{ $needed } { $basis ->
            [households] 户
           *[voters] 人
        }），还差 { $missing } { $basis ->
            [households] 户
           *[voters] 人
        }
       *[none] {""}
    }
poll-multi-note = 多选（每人最多选 { $max } 项）：百分比是选这一项的人占 { $ballots } 位投票人的比例，加起来可能超过 100%。
poll-results-hidden = 结果将在投票截止后公布。
poll-list-closed = 已结束
poll-results-asked-which = 最近结束了几个投票，点一个看结果：
poll-results-asked-open = 「{ $question }」还在投票中，{ $closes } 截止。{ $live ->
        [yes] 现在的票数点「{ poll-btn-results }」看。
       *[no] 结果截止后公布，会发给您。
    }
poll-results-asked-none = 最近 { $days } 天没有结束的投票，现在也没有您可以投的投票。投票结束后，结果会发给大家，也会列在「{ menu-consult }」里。
poll-staff-list-title = <b>投票列表</b>
    点一个投票查看详情和操作。先列进行中的（先截止的在前），再列草稿、最近结束的（附结果）{ $cancelled ->
        [0] {""}
       *[other] ，最后是最近取消的
    }。
poll-staff-list-empty = 还没有投票。点「➕ 新建投票」发起一个。
poll-staff-list-closes = · 截止 { $closes }
poll-staff-list-draft = · 草稿，未发布
poll-staff-list-cancelled = · 已取消
poll-outcome-passed = · ✅ 通过
poll-outcome-failed = · ❌ 未通过
poll-outcome-void = · ⚠️ 无效（参与不足）
poll-outcome-winner = · 最多：{ $winner }
poll-outcome-tie = · 平票
poll-outcome-none = · 无人投票
poll-list-voted-mine = ✅ 已投
poll-list-voted-household = ✅ 家人已投
poll-list-item = { $question }（截止 { $closes }）
poll-status-draft = 草稿
poll-status-open = 进行中
poll-status-closed = 已结束
poll-status-cancelled = 已取消
poll-staff-card = <b>{ $question }</b>
    状态：{ $status } · 截止 { $closes }
    { $ended ->
        [closed] { $multiple ->
            [true] 共 { $ballots } 人投票（已结束，多选，每人最多 { $max } 项）{ poll-card-outcome }
           *[other] 共 { $ballots } 票（已结束）{ poll-card-outcome }
        }
        [cancelled] 共 { $ballots } 票（已取消，不计结果）
       *[none] { $multiple ->
            [true] 已有 { $ballots } 人投票（多选，每人最多 { $max } 项）
           *[other] 已投 { $ballots } 票
        }
    }
    { $quorum_met ->
        [none] {""}
       *[other] { poll-turnout }
    }
    { $verdict ->
        [true] ✅ 法定人数已达到：{ $participants }/{ $eligible } { poll-card-unit }参与（{ $turnout }），法定要求 { $quorum }（{ $needed } { poll-card-unit }）
        [false] ❌ 法定人数未达到：{ $participants }/{ $eligible } { poll-card-unit }参与（{ $turnout }），法定要求 { $quorum }（{ $needed } { poll-card-unit }），差 { $missing } { poll-card-unit }
       *[none] {""}
    }
# an ended poll's outcome on its staff card (the option named escaped once, as written)
poll-card-outcome = { $outcome ->
        [passed] { poll-outcome-passed }
        [failed] { poll-outcome-failed }
        [void] { poll-outcome-void }
        [winner] { poll-outcome-winner }
        [tie] { poll-outcome-tie }
       *[none] { poll-outcome-none }
    }
poll-card-unit = { $basis ->
        [households] 户
       *[voters] 人
    }
# whom the announcement reached, as its deliveries stand: one held for the morning and dropped
# before it went (the person or their household voted first, or the poll ended) is not told
poll-card-reach = 📨 投票通知：已发给 { $told } 人{ $waiting ->
        [0] {""}
       *[other] ，另有 { $waiting } 人的通知等到 { $when } 发出
    }{ $dropped ->
        [0] {""}
       *[other] ；{ $dropped } 人的通知没有发出（{ $open ->
            [true] 发出前本人或家人已投票
           *[other] 发出前已投票，或投票已结束
        }）
    }{ $undelivered ->
        [0] {""}
       *[other] ；{ $undelivered } 人未能送达（屏蔽了机器人或发送失败）
    }
poll-btn-publish = 📣 发布
poll-btn-close-now = ⏹ 立即结束
poll-btn-cancel = ❌ 取消投票
poll-btn-edit = ✏️ 修改
poll-edit-what = 要修改什么？
    单选/多选、面向哪些人等其他设置要改的话，请取消这个草稿，重新新建投票。
poll-edit-field-question = 问题
poll-edit-field-options = 选项
poll-edit-field-close = 截止时间
poll-edit-ask = 现在是：
    { $current }
    { $field ->
        [options] 请输入新的选项，每行一个（{ $low } 到 { $high } 个）：
        [close] 请输入新的截止时间，例如「{ $example }」：
       *[question] 请输入新的问题（最多 { $limit } 字）：
    }
poll-btn-proxy = ✍️ 代投
poll-btn-export = 📥 导出 Excel
poll-new-ask-question = 新建投票。请输入投票问题（最多 300 字）：
poll-new-ask-options = 请输入选项，每行一个，或用顿号隔开（2 到 12 个）：
poll-new-ask-multiple = 单选还是多选？
poll-btn-single = 单选
poll-btn-multi = 多选
poll-new-ask-max = 最多可以选几项？请输入数字：
poll-new-ask-eligibility = 谁可以投票？
poll-btn-elig-registered = 已登记住址的居民
poll-btn-elig-verified = 只限已核实的居民
poll-new-ask-household = 是否一户一票（同一房号只算一票）？
poll-new-ask-close = 请输入截止时间，例如「{ $example }」或「下周一 晚上8点」：
poll-new-ask-anonymous = 匿名还是实名？
poll-btn-anonymous = 匿名
poll-btn-named = 实名
poll-new-ask-live = 结果什么时候公开？
poll-btn-live = 投票中实时公开
poll-btn-hidden = 截止后公开
poll-new-ask-quorum = 需要达到多少参与比例才有效？例如「2/3」「50%」，不设置请点「跳过」：
poll-new-ask-basis = 参与比例按什么算？
# a one-vote-per-household poll: its quorum is of households, not asked
poll-new-basis-households = 一户一票的投票，参与比例按户数算。
poll-btn-basis-voters = 按人数
poll-btn-basis-households = 按户数
poll-new-ask-threshold = 赞成须达到多少比例才算通过？例如「3/4」，不设置请点「跳过」：
poll-preview = { $published ->
        [none] <b>预览</b>（还没有发出）
       *[other] ✅ <b>已发布</b>（{ $published }）
    }
    问题：{ $question }
    选项：
    { $options }
    { $rules }
    👥 面向：{ $audience_kind ->
        [grids] { $audience_names }
        [buildings] { $audience_names }
        [members] 报到党员/志愿者
       *[community] 全社区
    }
    🙋 谁可以投：{ $eligibility ->
        [verified] 只限已核实的居民
       *[registered] 已登记住址的居民
    }
    📊 结果：{ $live ->
        [true] 投票中实时公开
       *[false] 截止后公开
    }
    截止：{ $closes }
# told: sent now; waiting: held by quiet hours until { $when } (dropped if they vote first)
poll-published = ✅ 投票已发布{ $waiting ->
        [0] ，已通知 { $told } 人。
       *[other] { $told ->
            [0] 。
           *[other] ，已通知 { $told } 人。
        }🌙 现在是免打扰时段，{ $told ->
            [0] {""}
           *[other] 另有{" "}
        }{ $waiting } 人的通知会在 { $when } 发出（在那之前已经投票的就不再发）。发出多少，投票卡片上随时可查。
    }
# count: the result notices queued for the audience (sent one by one by the outbox, not yet
# delivered)
poll-closed-done = ✅ 投票已结束，结果已排队发给 { $count } 人。
poll-cancel-done = ✅ 投票已取消，取消通知已排队发给 { $count } 人。
poll-btn-close-confirm = ⏹ 确认立即结束
poll-btn-cancel-confirm = ❌ 确认取消投票
poll-btn-keep-open = ↩️ 不了，继续投票
poll-close-confirm = 确定现在就结束投票「{ $question }」吗？已收到 { $ballots } 张选票，结束后按这些票公布结果，没投的人就不能再投了。
poll-close-confirmed = ⏹ 投票「{ $question }」已结束。
poll-cancel-confirmed = ❌ 投票「{ $question }」已取消。
poll-cancel-confirm = 确定取消投票「{ $question }」吗？已收到的 { $ballots } 张选票将作废，不公布结果；参与对象会收到取消通知。
poll-kept-open = 好的，投票继续进行。
poll-draft-cancelled = ✅ 草稿已删除，没有发给任何人。
poll-draft-cancelled-topic = ✅ 草稿已删除，没有发给任何人。
    💡 议题「{ $title }」已恢复为征集中，可以再列入议程或发起投票。{ $told ->
        [0] {""}
       *[other] 之前收到「社区将发起投票」通知的 { $told } 人，已告诉他们这次投票不发了。
    }
poll-cancelled-notice = 投票「{ $question }」已取消，之前投的票不再有效。给您添麻烦了。
poll-proxy-ask-building = 代投：请选择居民所在楼栋：
poll-proxy-ask-room = 请输入居民的房号：
poll-proxy-choose-resident = 这个房号有多位居民，请选择为哪一位代投（选好后出现选票）：
poll-proxy-ballot = ✍️ 代 { $name } 投票：{ $question }
# a proxy ballot once used (it had the options to tap)
poll-proxy-cast = ✍️ 已为 { $name } 代投：<b>{ $question }</b>
    投的是：{ $choice }（已记入审计）
    截止：{ $closes }
# a proxy ballot tapped after the poll closed (its options gone)
poll-proxy-closed = ✍️ 代 { $name } 投票：<b>{ $question }</b>
    ⏹ 投票已经结束，{ $had ->
        [same] 截止前已为 { $name } 记上这一票，仍然算数：{ $choice }
        [true] 这次没有改成；截止前为 { $name } 记上的一票仍然算数：{ $choice }
       *[other] 这一票没有记上。
    }
poll-proxy-done = ✅ 已为 { $name } 代投：{ $choice }（已记入审计）
# to the resident a proxy vote was recorded for (in their name: they can check it)
poll-proxy-notice = ✍️ { $name }（社区工作人员）代您在投票「{ $question }」里投了：{ $choice }。
    { $change ->
        [true] 如果不是您的意思，{ $closes } 截止前可以点下面的按钮，自己改票。
       *[other] 这个投票不能改票；如果不是您的意思，请联系社区。
    }
poll-btn-see-ballot = 🗳 看看这一票
form-busy = 您还有「{ $flow }」没有填完。现在开始{ $new }的话，它填到一半的内容不会保存。
form-btn-keep = ↩️ 继续填写「{ $flow }」
form-btn-go = ✍️ 不填了，开始{ $new }
form-kept = 好的，请接着填写「{ $flow }」：回答上面最后一个问题即可，已填写的内容都还在。
consult-said-btn-keep = ↩️ 填进「{ $flow }」，继续填写
consult-said-form-kept = 好的，接着填写「{ $flow }」，已填写的内容都还在。刚才那句作为这一步的内容填进去：
form-left = ℹ️ 「{ $flow }」还没有填完，已经离开，填到一半的内容没有保存。
form-left-kept = ℹ️ 「{ $flow }」还没有提交，内容已经为您保存：再按「{ $button }」就能接着提交。
form-name = { $group ->
        [PollForm] 新建投票
        [ProxyForm] 代投
        [TopicForm] 提议题
        [TopicAnswer] 答复议题
        [MeetingForm] 新建议事会
        [MeetingStart] 新建议事会
        [MeetingChange] 修改议事会
        [PollChange] 修改投票
        [DraftAudience] 改面向范围
        [MeetingPostpone] 推迟议事会
        [MeetingCancel] 取消议事会
        [Minutes] 会议纪要
        [CodeForm] 输入签到码
        [QuestionForm] 问组织者
        [QuestionAnswer] 回复居民提问
        [DecisionOrder] 决议转工单
        [Reg] 登记住址
        [MemberEdit] 修改技能
        [PhoneEdit] 修改手机号
        [Join] 党员/志愿者报到
        [ReviewReason] 填写不通过原因
        [SuspendReason] 填写暂停原因
        [Filing] 点单
        [AddInfo] 补充信息
        [RateComment] 评价
        [ResultFlow] 完成上报
        [ResultReport] 完成上报
        [SendBack] 退回成果
        [ClaimFlow] 工单说明
        [Release] 放弃工单
        [MemberNote] 告诉社区
        [OrderCancel] 撤销工单
        [Compose] 发通知
        [StaffFlow] 诉求处理
        [IssueOrder] 派单
        [Transfer] 转办
        [TransferAnswer] 记录转办回复
        [Merge] 合并诉求
        [Decline] 不受理
        [StaffResult] 填写办理结果
        [Place] 改地点
        [OnBehalf] 代居民登记
        [OrgEdit] 修改组织架构
        [ChannelForm] 设置公示频道
       *[other] 另一项操作
    }
poll-export-caption = 投票结果导出：{ $question }

## ❓ 问组织者: residents' questions to a meeting's organizer, and staff answers
mq-btn-ask = ❓ 问组织者
mq-ask-prompt = 请写下您想问「{ $title }」组织者的问题，发给我就行。不问了点「✖️ 取消」。
mq-asked = ✅ 已转给组织者，回复会发到这里。（「{ $title }」）
mq-err-cancelled = 「{ $title }」已经取消了，不再收提问。有事可以点「{ menu-order-new }」报给社区。
mq-err-over = 「{ $title }」已经开完一天多了，不再收提问。有事可以点「{ menu-order-new }」报给社区。
mq-err-too-many = 您在这场议事会已有 { $limit } 个问题还在等回复，等组织者回复后再问吧。
mq-err-not-found = 没有找到这个问题，可能已经被删除。
mq-err-answered = 这个问题已由 { $name } 在 { $when } 回复过了，不用再回。
mq-staff-notice = ❓ 居民提问 · { $title }
    { $name }（{ $home }）：{ $question }
mq-btn-reply = ↩️ 回复
mq-btn-reply-n = ↩️ 回复 { $n }
mq-staff-answered = ❓ 居民提问 · { $title }
    { $name }（{ $home }）：{ $question }
    ✅ { $by } 已于 { $when } 回复：{ $answer }
mq-answer-prompt = 回复「{ $title }」的提问。
    { $name } 问：{ $question }
    请写下您的回复，会直接发给居民。不回了点「✖️ 取消」。
mq-answer-sent = ✅ 回复已发给 { $name }。
mq-answer = 💬 组织者回复（{ $title }）：{ $answer }
    （您问的是：{ $question }）
mq-staff-card-line = ❓ 提问 { $asked }（待回复 { $waiting }）
mq-btn-list = ❓ 待回复的提问（{ $waiting }）
mq-list-head = 「{ $title }」待回复的提问 { $waiting } 个：
mq-list-line = { $n }. { $name }：{ $question }
mq-list-empty = 「{ $title }」的提问都已回复。
mq-btn-typed = ❓ 转给「{ $title }」的组织者
mq-typed-hint = 这像是想问议事会组织者的问题：点「❓ 转给…的组织者」，回复会发到这里。
