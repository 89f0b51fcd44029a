### Generated from zh-Hans/consult.ftl by bot/locales/make_hant.py (OpenCC s2tw and its
### FIXES). Do not edit: change the zh-Hans text and run the script again.

## 議事協商: meetings, topics, polls

menu-consult = 🗳 近期議事
menu-consult-staff = 🏛 議事管理

consult-err-audience-empty = 請至少選擇一個網格或樓棟。
consult-err-audience-invalid = 所選範圍不屬於本社區，請重新選擇。
consult-hub = <b>近期議事</b>
consult-hub-empty = 最近沒有安排議事會，也沒有進行中的投票。
consult-hub-pick = 點下面的 📅 議事會可以看時間地點、報名；點 🗳 投票可以投票。
consult-hub-results = 帶 📊 的是最近結束的投票，點一下看結果。
consult-btn-topics = 💡 議題徵集
consult-btn-propose = ✍️ 提議題
consult-staff-hub = <b>議事管理</b>
    選擇要做的事：
consult-btn-new-meeting = ➕ 新建議事會
consult-btn-new-poll = ➕ 新建投票
consult-btn-my-meetings = 📋 議事會列表
consult-btn-my-polls = 📊 投票列表
consult-btn-topic-review = 💡 處理議題
consult-btn-groups = 👥 本社區的群
consult-yes = ✅ 是
consult-no = ❌ 否
consult-done = ✅ 完成
# a form's question answered with its buttons: the answer under it, the buttons gone
consult-answered = ✅ { $answer }
consult-draft-saved = ✅ 草稿已保存（還沒有發出），請核對下面的內容：
consult-back = ⬅️ 返回
consult-cancelled = 已取消，沒有保存任何內容。
consult-change-cancelled = 已取消，沒有做任何改動，原來的內容都還在。
consult-draft-edited = ✅ 已修改。草稿還沒有發出，不會通知任何人；核對無誤後點「{ meeting-btn-publish }」。
consult-ask-time-format = 請按「{ $example }」的格式輸入時間（本地時間）。
consult-err-time = 沒看懂這個時間，請再輸入一次，例如「{ $example }」，也可以寫「明晚7點」「下週三 19:30」（本地時間）。
when-which-day = 現在是凌晨，您說的“明天”是指哪一天？請點下面的按鈕選一個（也可以直接輸入日期和時間）。
when-which-day-today = { $month }月{ $day }日 { $time }（{ $evening ->
        [yes] 今天晚上
       *[no] 今天白天
    }）
when-which-day-tomorrow = { $month }月{ $day }日 { $time }
consult-err-day-only = 「{ $typed }」幾點呢？請把鐘點也寫上，例如「{ $example }」（本地時間）。
consult-err-day-past = 這一天已經過去了，請輸入將來的日期和時間，例如「{ $example }」（本地時間）。
consult-time-read = 🕒 時間：{ date-time }
consult-held = 🌙 現在是免打擾時段：其中 { $count } 人的通知會在 { $when } 發出。
consult-audience-community = 全社區
consult-audience-grids = 指定網格
consult-audience-buildings = 指定樓棟
consult-audience-members = 報到黨員/志願者
# a draft whose audience has nobody to tell (a building where nobody has registered): under
# its preview, and answering 📣 發布 on its card; audience: who it is for (3號樓, 全社區 …)
consult-audience-nobody = ⚠️ 發布後會通知：0 人。{ $audience }目前沒有在機器人上登記的{ $members ->
        [true] 報到黨員/志願者
       *[other] 居民
    }，現在發出去，沒有人會收到。
    可以點「👥 改面向範圍」換一個範圍；確實要發，請點「📣 仍然發布」。
consult-btn-publish-anyway = 📣 仍然發布
consult-btn-change-audience = 👥 改面向範圍
consult-audience-changed = ✅ 面向範圍已改為：{ $audience }。請再核對一下：
consult-ask-audience = 面向哪些人？
consult-ask-audience-pick = 請選擇（可多選），選好後點「✅ 完成」：
consult-no-community = 您還沒有被分配到任何社區，無法發布。

## Meetings
meeting-kind-residents = 居民議事會
meeting-kind-party_masses = 黨群議事會
meeting-kind-estate = 小區事務協調會
meeting-kind-hearing = 重大事項聽證會
meeting-kind-building_night = 樓棟夜話
meeting-kind-other = 其他會議
meeting-status-draft = 草稿
meeting-status-published = 已發布
meeting-status-checkin = 已發布，簽到中
meeting-status-running = 進行中
meeting-status-ended = 已結束，待發紀要
meeting-status-cancelled = 已取消
meeting-status-minuted = 已發布紀要

meeting-err-not-found = 找不到這個議事會。
meeting-err-title = 標題最多 { $limit } 個字，請精簡後重新輸入。
meeting-err-agenda-too-long = 議程太長了（{ $length } 字），最多 { $limit } 字。請只寫要點。
meeting-err-agenda-count = 議程最多 { $limit } 項。
meeting-err-agenda-empty = 請至少寫一項議程。
meeting-err-start-past = 開會時間已經過去了，請輸入將來的時間。
meeting-err-too-far = 開會時間太遠了，最多提前 { $days } 天安排。注意：沒寫年份的日期如果今年已經過了（比如現在寫上個月的日子），會算成明年的；請輸入將來的時間。
meeting-err-duration = 會議時長要在 { $low } 到 { $high } 分鐘之間。
meeting-err-where = 請填寫開會地點或線上會議鏈接。
meeting-err-link = 會議鏈接要以 https:// 開頭。
meeting-err-capacity = 人數上限要在 1 到 { $high } 之間，不限人數請點「不限」。
meeting-err-not-draft = 這個議事會已經發布過了。
meeting-err-cancelled = 這個議事會已經取消了，無法報名。
meeting-err-over = 這個議事會已經結束了。
meeting-err-over-staff = 這次議事會已經結束了，不能再修改或延期。接下來可以點卡片上的「📝 發布紀要」；如果還要再開，請新建一次議事會。
meeting-err-staff-cancelled = 這個議事會已經取消了，不能再修改、延期、發布或寫紀要。
meeting-err-postpone-draft = 議事會還沒有發布，可以直接「修改」開會時間。
meeting-err-postpone-earlier = 延期後的時間要晚於原定的開會時間。要提前開會，請在議事會卡片上點「✏️ 修改」改時間。
meeting-err-not-audience = 這個議事會不面向您所在的範圍，無法報名。
meeting-err-checkin-cancelled = 這個議事會已經取消了，不用簽到了。
# before check-in opens ($when: the start, $opens: the clock time check-in opens)
meeting-err-checkin-window = 還沒到簽到時間：{ $title } 在 { $when } 開會，{ $opens } 開始簽到（開會前 { $before } 分鐘）。
meeting-err-code = 簽到碼不對，請核對工作人員出示的簽到碼。還可以再試 { $left } 次。
meeting-err-code-format = 簽到碼是 { $length } 位數字{ $typed ->
        [0] ，請輸入工作人員出示的數字，例如 123456。
       *[other] ，您輸入的是 { $typed } 位。請核對工作人員出示的簽到碼，{ $length } 位都要輸入。
    }
meeting-err-code-locked = 簽到碼已經連續輸錯 { $tries } 次，為了安全，請 { $minutes } 分鐘後再試。也可以請現場工作人員幫您核對簽到碼；如果您報了名，簽到開始時發給您的消息裡有「📍 簽到」按鈕，直接點它就行。
meeting-err-not-published = 議事會還沒有發布，或已經取消。
meeting-err-minutes-early = 會議開始後才能發布紀要。
meeting-err-minuted = 紀要已經發布過了。
meeting-err-minuted-first = { $by ->
        [self] 這次議事會的紀要您已經發布過了，這份沒有再發，大家只會收到一份。
        [colleague] { $name } 已經發布了這次議事會的紀要，您寫的這份沒有發出，大家只會收到一份紀要。
       *[unknown] 這次議事會的紀要已經發布過了，您寫的這份沒有發出，大家只會收到一份紀要。
    }
meeting-err-decisions = 決議最多 { $limit } 條，每條最多 { $length } 字。
meeting-err-minutes-total = 紀要和決議要在一條消息裡發給大家，合計最多 { $limit } 字，現在是 { $length } 字。請把決議寫短一些再發，或點「跳過」。
meeting-err-no-change = 沒有修改任何內容。
meeting-err-no-orders = 工單功能還沒有開通，暫時不能把決議轉成工單。
meeting-err-decision-done = 這條決議已經轉成工單了（{ $ref }）。
meeting-err-decision-not-found = 找不到這條決議。

meeting-card = <b>{ $kind ->
        [residents] { meeting-kind-residents }
        [party_masses] { meeting-kind-party_masses }
        [estate] { meeting-kind-estate }
        [hearing] { meeting-kind-hearing }
        [building_night] { meeting-kind-building_night }
       *[other] { meeting-kind-other }
    }：{ $title }</b>
    🕒 { $when }（約 { $duration } 分鐘）
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
        [members] 報到黨員/志願者
       *[community] 全社區
    }
    { $capacity ->
        [0] 人數：不限
       *[other] 人數上限：{ $capacity } 人
    }
    <b>議程</b>
    { $agenda }
# a public notice in the community's group (no agenda, no link, no names): what, when, where,
# and the button that opens the private chat at it
meeting-group-notice = 📣 <b>議事會通知</b>
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
    歡迎全社區居民參加。{ $link ->
        [yes] 議程和報名請點下方按鈕，在和我的私聊裡查看、報名。
       *[other] 議程和報名請在和我的私聊裡「{ menu-consult }」查看。
    }
poll-group-notice = 🗳 <b>投票通知</b>
    { $question }
    ⏰ { $closes } 截止
    { $link ->
        [yes] 請點下方按鈕，在和我的私聊裡投票（投票內容不會發在群裡）。
       *[other] 請在和我的私聊裡「{ menu-consult }」投票（投票內容不會發在群裡）。
    }
meeting-group-notice-cancelled = 📣 <b>議事會已取消</b>
    <s>{ $kind ->
        [residents] { meeting-kind-residents }
        [party_masses] { meeting-kind-party_masses }
        [estate] { meeting-kind-estate }
        [hearing] { meeting-kind-hearing }
        [building_night] { meeting-kind-building_night }
       *[other] { meeting-kind-other }
    }：{ $title }</s>
    🕒 原定 { $when }
    這次議事會已取消，不用再報名了。
meeting-group-notice-held = 📣 <b>議事會已召開</b>
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
        [yes] 這次議事會已經開過了。紀要和決議已在私聊裡發給居民，請到和我的私聊裡查看。
       *[other] 這次議事會已經開過了，不用再報名了。紀要整理好後會在私聊裡發給居民。
    }
poll-group-notice-closed = 🗳 <b>投票已結束</b>
    { $question }
    { $result ->
        [none] 結果已在私聊裡告知參與的居民。
       *[other] { $result }
    }
poll-group-notice-cancelled = 🗳 <b>投票已撤銷</b>
    <s>{ $question }</s>
    這次投票已撤銷，不用再投了。
# the one-line conclusion of a closed poll under its notice in the group
poll-group-outcome = { $passed ->
        [true] 結論：✅ 通過（{ $winner }）
        [false] 結論：❌ 未通過
       *[none] { $outcome ->
            [winner] 結論：得票最多：{ $winner }
            [tie] 結論：平票（{ $tied }）
           *[none] 結論：無人投票
        }
    }
# the private-chat link of a group's notice, followed before registering: kind m (meeting) or p (poll)
public-link-register-first = { $kind ->
        [m] 報名這場議事會要先登記住址，只需一分鐘。登記完成後，我會把這場議事會發給您。
       *[p] 參加這次投票要先登記住址，只需一分鐘。登記完成後，我會把這次投票發給您。
    }
public-link-after-reg-gone = { $kind ->
        [m] 您登記前想看的那場議事會已經取消、結束，或不面向您登記的住址。
       *[p] 您登記前想看的那次投票已經結束，或不面向您登記的住址。
    }
public-btn-meeting = 💬 私聊報名
public-btn-poll = 💬 私聊投票
meeting-announce = 📣 <b>議事會通知</b>
    <b>{ $kind ->
        [residents] { meeting-kind-residents }
        [party_masses] { meeting-kind-party_masses }
        [estate] { meeting-kind-estate }
        [hearing] { meeting-kind-hearing }
        [building_night] { meeting-kind-building_night }
       *[other] { meeting-kind-other }
    }：{ $title }</b>
    🕒 { $when }（約 { $duration } 分鐘）
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
        [members] 報到黨員/志願者
       *[community] 全社區
    }
    { $capacity ->
        [0] 人數：不限
       *[other] 人數上限：{ $capacity } 人
    }
    <b>議程</b>
    { $agenda }
    { $open ->
        [no] {""}
       *[yes] 請點下方按鈕告訴我們您是否參加。
    }
meeting-btn-yes = 去
meeting-btn-maybe = 不確定
meeting-btn-no = 不去
meeting-btn-chosen = ✅ { $label }
meeting-btn-chosen-waitlist = ⏳ 候補第 { $position } 位
meeting-btn-checkin = 📍 簽到
# $open: no once the meeting was cancelled (the answer is redrawn): nothing to do or wait for
meeting-rsvp-going = 已報名：{ $title }。
    🕒 { $when }
    📍 { $where }
    { $open ->
        [no] {""}
       *[yes] 我們會在開會前提醒您。
    }
meeting-rsvp-going-soon = 已報名：{ $title }。會議馬上就要開始了：🕒 { $when }，📍 { $where }。請準時參加。
meeting-rsvp-waitlist = { $title }：人數已滿，您在候補名單第 { $position } 位。{ $open ->
        [no] {""}
       *[yes] 有人取消時我們會通知您。
    }
meeting-rsvp-maybe = 已記錄「不確定」：{ $title }。{ $open ->
        [no] {""}
       *[yes] 想好了可以隨時改。
    }
meeting-rsvp-no = 已記錄「不去」：{ $title }。{ $open ->
        [no] {""}
       *[yes] 如果改變主意，隨時可以重新報名。
    }
meeting-rsvp-replaced = （這是您之前的回答，已經改了，以下面最新的一條為準。）
meeting-typed-rsvp = 您是說「{ $title }」{ $answer ->
        [yes] 要去
        [maybe] 還不確定去不去
       *[no] 不去
    }嗎？
    🕒 { $when }
    📍 { $where }
    { $open ->
        [no] {""}
       *[yes] 點一下下面的按鈕，或回一句「好的」，就記上了：
    }
meeting-btn-typed-rsvp = ✅ 確認{ $answer ->
        [yes] 去
        [maybe] 不確定
       *[no] 不去
    }
meeting-btn-typed-rsvp-view = 📅 查看會議
meeting-typed-rsvp-same = 「{ $title }」您已經回覆過了：{ $status }。要改的話，點下面的會議再選。
meeting-typed-rsvp-declined = 好的，沒有給您記。想報名的時候，在「{ menu-consult }」裡點開會議再選。
meeting-typed-rsvp-which = 最近有幾個議事會，您說的是哪一個？點開會議，再點「去」「不確定」或「不去」：
meeting-typed-rsvp-company = 報名是一人一份、每人給自己報的，您的回覆只算您本人。{ $who ->
        [none] 和您一起來的家人
       *[other] 您{ $who }
    }也想參加的話，請{ $who ->
        [none] 他們
       *[other] { $who }
    }用自己的手機打開「鄰里」，登記住址後在「{ menu-consult }」裡點開這個會，再點「{ meeting-btn-yes }」；沒有手機或不會用的，跟社區工作人員說一聲就行。
meeting-promoted = 🎉 有空位了，您已從候補轉為正式參加：{ $title }（{ $when }）。
meeting-reminder = ⏰ 提醒：{ $title } 將於 { $when } 開始。
    📍 { $where }
meeting-changed = ✏️ 議事會有變動：{ $title }
    { $new_title ->
        [none] {""}
       *[other] 標題改為：{ $new_title }
    }
    { $new_time ->
        [none] {""}
       *[other] 時間改為：{ $new_time }
    }
    { $new_place ->
        [none] {""}
       *[other] 📍 地點改為：{ $new_place }
    }
    { $new_link ->
        [none] {""}
       *[other] 💻 線上鏈接改為：{ $new_link }
    }
    { $new_capacity ->
        [none] {""}
        [0] 人數改為：不限
       *[other] 人數上限改為：{ $new_capacity } 人
    }
    { $new_agenda ->
        [none] {""}
       *[other] 議程有調整：
    }
    { $new_agenda ->
        [none] {""}
       *[other] { $new_agenda }
    }
meeting-postponed = ⏳ 議事會延期：{ $title }
    新時間：{ $when }
    原因：{ $reason }
meeting-cancelled-notice = ❌ 議事會取消：{ $title }（原定 { $when }）
    原因：{ $reason }
# $open: no once the meeting was cancelled, moved once its time changed (postponed) while
# check-in was open ($when: the new start; $before: minutes): redrawn without its button
meeting-checkin-open = { $open ->
        [no] 📍 { $title } 的簽到已取消。
        [moved] 📍 { $title } 改到 { $when } 開會，這裡的簽到已停止；開會前 { $before } 分鐘會重新開始簽到。
       *[yes] 📍 { $title } 現在開始簽到，到場後請點下方按鈕簽到。
    }
meeting-checked-in = ✅ 簽到成功：{ $title }
meeting-checked-in-already = 您已經簽到過了。
meeting-minutes-notice = 📝 <b>議事會紀要：{ $title }</b>（{ $when }）
    { $minutes }
    <b>決議</b>
    { $decisions ->
        [none] { meeting-no-decisions }
       *[other] { $decisions }
    }
    { $attended ->
        [0] {""}
       *[other] 📍 在機器人上簽到 { $attended } 人。
    }
meeting-no-decisions = （無）
meeting-list-title = <b>近期議事會</b>
meeting-list-empty = 最近沒有安排議事會。
meeting-list-item = { $when } · { $title }（{ $status }）
# a card or sign-up answer of a meeting, redrawn once it was cancelled
meeting-now-cancelled = ❌ 這次議事會已取消。原因：{ $reason }
# under a notice of an earlier change (延期, 修改) once the meeting changed again
meeting-now-since = ℹ️ 之後又有變動，現在是：🕒 { $when } 📍 { $where }
# under a notice of the person's place (moved up from the waitlist, moved to it) once it or
# the meeting changed
meeting-now-place = ℹ️ 之後又有變動，現在是：🕒 { $when } 📍 { $where }，您的報名：{ $status }
meeting-my-status = 您的報名：{ $status }
meeting-rsvp-status-going = 參加
meeting-rsvp-status-waitlist = 候補
meeting-rsvp-status-waitlist-at = 候補第 { $position } 位
meeting-rsvp-status-maybe = 不確定
meeting-rsvp-status-no = 不去
meeting-rsvp-status-none = 未回覆

meeting-staff-card = <b>{ $kind ->
        [residents] { meeting-kind-residents }
        [party_masses] { meeting-kind-party_masses }
        [estate] { meeting-kind-estate }
        [hearing] { meeting-kind-hearing }
        [building_night] { meeting-kind-building_night }
       *[other] { meeting-kind-other }
    }：{ $title }</b>
    🕒 { $when }（約 { $duration } 分鐘）
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
        [members] 報到黨員/志願者
       *[community] 全社區
    }
    { $capacity ->
        [0] 人數：不限
       *[other] 人數上限：{ $capacity } 人
    }
    <b>議程</b>
    { $agenda }
    狀態：{ $status } · 簽到碼：<code>{ $code }</code>
    報名：參加 { $going } · 候補 { $waitlist } · 不確定 { $maybe } · 不去 { $no } · 已簽到 { $checked }
meeting-attendees = <b>報名名單：{ $title }</b>
    { $lines }
meeting-attendees-empty = 還沒有人報名。
meeting-btn-publish = 📣 發布
meeting-btn-edit = ✏️ 修改
meeting-btn-postpone = ⏳ 延期
meeting-btn-cancel = ❌ 取消會議
meeting-btn-attendees = 👥 名單
meeting-btn-minutes = 📝 發布紀要
meeting-btn-to-order = 🧾 轉為工單
meeting-btn-open = 查看
meeting-new-kind = 新建議事會。請選擇會議類型：
meeting-kind-again = 回到了第一步：會議類型（之前選的是「{ $kind }」）。已經填寫的內容都還在，選好類型後接著填。
meeting-title-before-kind = 好的，會議標題記為「{ $title }」。請再點下面的按鈕選會議類型：
meeting-kind-typed = 會議類型：{ $kind }
consult-said-taken = 已記下：{ $items }
consult-said-part = { $said }（具體幾點，到填時間那一步再定）
consult-said-later = 「{ $typed }」這樣還用不上，到它那一步再問您。
consult-said-rest = 這幾句沒有對應的欄目，沒有填進去（需要的話寫進議程）：「{ $rest }」
meeting-ask-title = 請輸入會議標題（最多 100 字）：
meeting-ask-agenda = 請輸入議程，每行一項（最多 20 項，共 2000 字以內）：
meeting-ask-time-part = 您說的是「{ $said }」，具體幾點開？點下面的按鈕就定在 { $at }；別的時間請直接輸入，比如「3點」「15:30」（本地時間）。
meeting-btn-part-at = 🕑 { $at }
meeting-ask-time-part-over = 您說的是「{ $said }」，現在已經不早了：請輸入開會的日期和鐘點，比如「明天下午3點」（本地時間）。
meeting-ask-time = 請輸入開會時間，例如「{ $example }」或「下週三 晚上7點半」：
meeting-ask-duration = 會議大約多長時間？請點下面的按鈕，或直接輸入，例如「45分鐘」「一個半小時」：
meeting-duration-minutes = { $minutes } 分鐘
meeting-err-duration-typed = 請點上面的按鈕選擇會議時長，或直接輸入，例如「90分鐘」「兩小時」。要改開會時間的話，直接輸入新的時間。
meeting-ask-place = 請輸入開會地點；如果是線上會議，請發會議鏈接（https://…）：
meeting-ask-capacity = 最多多少人參加？請輸入數字，或點「不限」。
meeting-btn-unlimited = 不限
meeting-preview = { $published ->
        [none] <b>預覽</b>（還沒有發出）
       *[other] ✅ <b>已發布</b>（{ $published }）
    }
    <b>{ $kind ->
        [residents] { meeting-kind-residents }
        [party_masses] { meeting-kind-party_masses }
        [estate] { meeting-kind-estate }
        [hearing] { meeting-kind-hearing }
        [building_night] { meeting-kind-building_night }
       *[other] { meeting-kind-other }
    }：{ $title }</b>
    🕒 { $when }（約 { $duration } 分鐘）
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
        [members] 報到黨員/志願者
       *[community] 全社區
    }
    { $capacity ->
        [0] 人數：不限
       *[other] 人數上限：{ $capacity } 人
    }
    <b>議程</b>
    { $agenda }
    { $published ->
        [none] 確認無誤後點「📣 發布」。
       *[other] {""}
    }
meeting-published = ✅ 已發布，正在通知 { $count } 人。簽到碼：<code>{ $code }</code>
meeting-edit-what = 要修改什麼？
meeting-edit-field-title = 標題
meeting-edit-field-agenda = 議程
meeting-edit-field-time = 時間
meeting-edit-field-place = 地點/鏈接
meeting-edit-field-capacity = 人數上限
meeting-edit-ask-value = 現在是：{ $current }
    請輸入新的內容：
meeting-capacity-none = 不限
meeting-capacity-typed = { $capacity } 人
meeting-edited = ✅ 已修改，正在通知 { $count } 位報名的居民。
meeting-capacity-over = ⚠️ 已經有 { $going } 人報名參加，比新的上限 { $capacity } 人多 { $over } 人。還沒有修改，請選擇：
    · 保留已報名的人：上限改為 { $capacity } 人，已報名的 { $going } 人都可以來；有人退出、人數低於上限之前，新報名的人進入候補。
    · 最晚報名的 { $over } 人轉為候補：按報名先後，他們排在候補最前面，會收到通知；有人退出時依次遞補。
    · 不改了：人數上限保持原樣。
    也可以直接輸入一個不少於 { $going } 的人數。
meeting-btn-capacity-keep = 保留已報名的 { $going } 人，上限改為 { $capacity }
meeting-btn-capacity-cancel = 不改了
meeting-btn-capacity-waitlist = 最晚報名的 { $over } 人轉為候補
# none moved: those over the capacity had all checked in (or dropped out meanwhile)
meeting-capacity-moved = { $count ->
        [0] 沒有人需要轉為候補（已簽到的人不會轉走）；人數低於上限之前，新報名的人進入候補。
       *[other] 最晚報名的 { $count } 人已轉為候補，正在通知他們；有人退出時按報名先後遞補。
    }
meeting-moved-to-waitlist = ℹ️ { $title }（{ $when }）的人數上限調整為 { $capacity } 人。您報名較晚，現在轉為候補第 { $position } 位；有空位時我們會馬上通知您。
meeting-capacity-kept = 已報名的人都保留；人數低於上限之前，新報名的人進入候補。
meeting-capacity-unchanged = 好的，人數上限沒有改。
meeting-ask-postpone-time = 請輸入新的開會時間，例如「{ $example }」：
meeting-ask-reason = 請簡單說明原因：
meeting-postponed-done = ✅ 已延期，正在通知 { $count } 人。
meeting-cancel-done = ✅ 會議已取消，正在通知 { $count } 人。
meeting-draft-cancelled = ✅ 草稿已刪除，這個議事會沒有發布過，不會通知任何人。
meeting-ask-minutes = 請輸入會議紀要（最多 3000 字）：
meeting-ask-decisions = 請輸入決議，每行一條；沒有決議請點「跳過」：
meeting-minutes-done = ✅ 紀要已發布，正在發給 { $count } 位受邀居民。
meeting-minutes-preview = 👀 預覽：下面這條紀要和決議將發給 { $count } 位受邀居民，現在還沒有發出。請核對，無誤後點「✅ 確認發送」。
meeting-btn-minutes-send = ✅ 確認發送
meeting-btn-minutes-redo = ✏️ 改紀要
meeting-btn-decisions-redo = ✏️ 改決議
meeting-btn-minutes-drop = ✖️ 取消，不發送
meeting-minutes-use-buttons = 紀要還沒有發出。請點預覽下面的「✅ 確認發送」，或「✏️ 改紀要」「✏️ 改決議」「✖️ 取消，不發送」。
meeting-ask-minutes-again = 現在的紀要：
    { $current }
    請輸入修改後的紀要（最多 3000 字），決議不變：
meeting-ask-decisions-again = 現在的決議：
    { $current }
    請輸入修改後的決議，每行一條；不要決議請點「跳過」：
meeting-minutes-dropped = 已取消，紀要沒有發出，也沒有保存。需要時可以在議事會卡片上再點「📝 發布紀要」。
meeting-decision-line = { $n }. { $text }
meeting-decision-order = { $n }. { $text } → 工單 { $ref }
meeting-order-preview = <b>🧾 決議轉為工單 — 請核對</b>
    決議：{ $decision }
    工單標題：{ $title }
    地點：{ $place }
    分類（自動建議）：{ $category }
    確認後會創建訴求和工單（積分、人數等按分類默認，之後可在工單裡調整）。
meeting-btn-order-create = ✅ 創建工單
meeting-btn-order-title = ✏️ 改標題
meeting-order-ask-title = 現在的標題是：{ $current }
    請輸入新的工單標題（最多 60 字）：
meeting-order-title-saved = ✅ 標題已改好，請再核對一下：
meeting-err-order-title = 標題不能為空，請重新輸入。
meeting-to-order-done = ✅ 已根據決議創建工單 { $ref }。
meeting-ask-code = 請輸入工作人員出示的 6 位簽到碼：
meeting-btn-checkin-code = 🔢 輸入簽到碼

## Topics
topic-status-open = 徵集中
topic-status-accepted = 已列入議程
topic-status-answered = 已答覆
topic-err-not-found = 找不到這個議題。
topic-err-title = 議題標題最多 { $limit } 個字。
topic-err-detail = 議題說明最多 { $limit } 個字。
topic-err-already-backed = 您已經附議過這個議題了，每人只能附議一次。想收回可以點「↩️ 取消附議」。
topic-err-not-backed = 您現在沒有附議這個議題（可能已經取消過了）。
topic-err-own = 這是您自己提的議題，不需要附議。
topic-err-closed = 這個議題已經處理過了。
topic-err-closed-unback = 這個議題已經處理過了，附議不能再更改。謝謝您的關心！
topic-err-meeting = 只能列入本社區還沒開的議事會。
topic-err-limit = 您今天已經提了 { $limit } 個議題，請明天再提。
topic-ask-title = 請用一句話說出您想討論的事（最多 100 字）：
topic-typed-ask-detail =
    議題：「{ $title }」
    可以再補充幾句說明，或點「跳過」直接提交：
topic-ask-detail = 可以再補充幾句說明（寫多長都行，一條消息能發下即可），或點「跳過」：
topic-title-too-long-kept = 您寫得很詳細，這些已經記作議題的說明，不用再打一遍。請再用一句話概括一下（最多 { $limit } 字），例如「東門路燈壞了」：
topic-proposed = ✅ 議題已提交：{ $title }。其他居民可以附議，工作人員會盡快處理。
topic-typed-backed = 👍 已為「{ $title }」附議，現在有 { $backers } 人附議。改變主意的話，可以在「{ consult-btn-topics }」裡點「{ topic-btn-unback }」。
topic-typed-already = 您已經附議過「{ $title }」了，每人附議一次就算數，不用再附議。
topic-typed-which = 您說的是哪一個議題？請在想附議的那個下面點「{ topic-btn-back }」：
# a topic named in words ('我支持修路那個議題') that no open topic is about; count: the open
# topics listed under it, each with its 附議
topic-typed-none = 沒有找到說「{ $named }」的議題。{ $count ->
        [0] 現在沒有正在徵集的議題。想讓大家一起議這件事，可以點「{ consult-btn-propose }」把它提出來。
       *[other] 現在正在徵集的議題在下面，想附議哪一個，就點它下面的「{ topic-btn-back }」；都不是的話，可以點「{ consult-btn-propose }」把它提出來。
    }
topic-typed-own = 「{ $title }」是您自己提的議題，提議人不用再附議。想看有多少人附議，請點「{ consult-btn-topics }」。
topic-list-title = <b>議題徵集</b>（按附議人數排序）
topic-list-empty = 現在還沒有議題。點「✍️ 提議題」提一個吧。
topic-decided-title = <b>最近處理的議題</b>
topic-decided-answered = • 「{ $title }」已答覆：{ $answer }
topic-decided-accepted = • 「{ $title }」已列入議事會「{ $meeting }」（{ $when }）
topic-detail-cut = …（說明較長，全文見上一條）
topic-detail-whole = 議題<b>{ $title }</b>的說明全文：
    { $detail }
topic-item = <b>{ $title }</b>（{ $backers } 人附議 · { $status }）
    { $detail }
topic-staff-item = <b>{ $title }</b>（{ $backers } 人附議 · { $status }）
    提議人：{ $name }{ $has_address ->
        [yes] （{ $address }）
       *[no] {""}
    } · { $when }
    { $has_detail ->
        [yes] 說明：{ $detail }
       *[no] 說明：（提議人沒有補充說明）
    }
topic-btn-back = 👍 附議
topic-btn-unback = ↩️ 取消附議
topic-btn-accept = ✅ 列入議程
topic-btn-answer = 💬 答覆
topic-backed = 👍 已附議，現在有 { $backers } 人附議。改變主意的話，可以點「↩️ 取消附議」。
topic-unbacked = ↩️ 已取消附議，現在有 { $backers } 人附議。
topic-accepted-notice = 🎉 您提的議題「{ $title }」已列入議事會：{ $meeting }（{ $when }）。
    { topic-accepted-next }
topic-answered-notice = 💬 您提的議題「{ $title }」有答覆：
    { $answer }
topic-accepted-backer = 🎉 您附議的議題「{ $title }」已列入議事會：{ $meeting }（{ $when }）。
    { topic-accepted-next }
topic-accepted-next = { $next ->
        [published] 點下面的「📅 看議事會、報名」可以看時間地點並報名參加，到會時可以當面說說您的想法。
        [draft] 議事會還在籌備，正式發布時您會收到開會通知（時間、地點），到時可以報名參加。
        [going] 您已經報名參加這次議事會，到會時可以當面說說您的想法。
        [waitlist] 您在這次議事會的候補名單上，有空位時我們會馬上通知您。
       *[elsewhere] 這次議事會不面向您所在的範圍，工作人員會在會上討論這個議題。
    }
topic-btn-meeting = 📅 看議事會、報名
topic-btn-meeting-view = 📅 看議事會
topic-answered-backer = 💬 您附議的議題「{ $title }」有答覆：
    { $answer }
topic-new-staff = 💡 新議題：「{ $title }」（{ $name } 提出）
    { $has_detail ->
        [yes] 說明：{ $detail }
       *[no] 說明：（提議人沒有補充說明）
    }
    請在「🏛 議事管理 → 💡 處理議題」裡列入議程或答覆。
topic-choose-meeting = 列入哪個議事會？也可以新建議事會，或就這個議題發起投票：
topic-no-meetings = 近期沒有可以列入的議事會。可以新建一個，這個議題會列入它的議程；也可以就這個議題發起投票：
topic-btn-new-meeting = ➕ 新建議事會（列入此議題）
topic-btn-new-poll = 🗳 發起投票（就此議題）
topic-new-poll = 就議題「{ $title }」發起投票（保存草稿時告訴提議人和附議的人）。
topic-poll-done = ✅ 已告訴提議人和附議的人：這個議題交由投票決定。
topic-err-poll = 這個投票不屬於議題所在的社區，或已經結束，不能用來處理這個議題。
topic-status-polled = 已發起投票
topic-decided-polled = • 「{ $title }」已發起投票：{ $question }
topic-polled-notice = 🗳 您提的議題「{ $title }」，社區將發起投票：{ $answer }
    { topic-polled-next }
topic-polled-backer = 🗳 您附議的議題「{ $title }」，社區將發起投票：{ $answer }
    { topic-polled-next }
topic-polled-next = 投票正式發出時，投票範圍內的居民會收到通知，到時就可以投票。
topic-poll-withdrawn-notice = 🗳 您提的議題「{ $title }」，原定的投票（{ $answer }）已取消，不會發出。議題恢復為徵集中，社區會再作安排。
topic-poll-withdrawn-backer = 🗳 您附議的議題「{ $title }」，原定的投票（{ $answer }）已取消，不會發出。議題恢復為徵集中，社區會再作安排。
topic-new-meeting-kind = 新建議事會，議題「{ $title }」會列入它的議程（保存草稿時加上，並告訴提議人和附議的人）。請選擇會議類型：
topic-ask-answer = 請輸入答覆內容：
topic-accept-done = ✅ 已列入議程，已告訴提議人。
topic-answer-done = ✅ 已答覆，已告訴提議人。

## Polls
poll-err-not-found = 找不到這個投票。
poll-err-share = 比例格式不對。可以寫「2/3」「75%」「三分之二」或「過半」。
poll-err-option-count = 選項要有 { $low } 到 { $high } 個：每行寫一個，或寫在一行裡用頓號、逗號隔開，例如「同意、不同意、棄權」。
poll-err-option-duplicate = 有重複的選項，請修改。
poll-err-none-chosen = 還沒有選任何一項：請先點要選的選項（可以選幾項），再點「✅ 提交」。
poll-err-option-bad = 選項「{ $option }」裡有表情符號或特殊字符，請只用文字，把全部選項再輸入一次（每行一個）。
poll-err-option-long = 選項「{ $option }」太長了（最多 { $limit } 字），請把全部選項再輸入一次（每行一個）。
poll-err-close-past = 截止時間已經過去了，請輸入將來的時間。
poll-err-close-before-open = 截止時間要晚於開始時間。
poll-err-too-long = 投票時間最長 { $days } 天。注意：沒寫年份的日期如果今年已經過了，會算成明年的；請輸入 { $days } 天以內的截止時間。
poll-err-max-choices = 最多可選數要在 1 到 { $high } 之間。
poll-err-household-members = 面向黨員/志願者的投票不能設置「一戶一票」。
poll-err-not-draft = 這個投票已經發布過了。
poll-err-edit-published = 這個投票已經發布了，不能再修改：大家收到的要和發出時一樣。
poll-err-edit-cancelled = 這個投票已經取消了，不能再修改。
poll-err-no-change = 和原來一樣，沒有修改。請輸入新的內容；不改了請點「{ common-cancel }」。
poll-err-not-open = 這個投票現在不在進行中。
poll-err-cancelled = 這個投票已經取消了，之前投的票不再有效。
poll-err-not-yet = 投票還沒開始，請到開始時間後再來。
poll-err-closed = 投票已經結束，不能再投了。
poll-err-need-register = 請先登記住址，才能參加投票。
poll-err-not-audience = 這個投票不面向您所在的範圍，您不能投票。
poll-err-results-not-yours = 這個投票的結果只對參與範圍內的居民和本社區工作人員公開。
poll-err-proxy-not-audience = 這位居民不在這個投票的範圍內，不能為他代投。
poll-err-proxy-not-verified = 這位居民的住址還沒有核實，這個投票只限已核實住址的居民參加。
poll-err-proxy-building = 請從列表裡選擇投票範圍內的樓棟。
poll-err-proxy-members = 這個投票面向黨員/志願者，不能按樓棟代投。
poll-err-proxy-no-buildings = 這個投票的範圍裡沒有您負責網格的樓棟，不能代投。
poll-err-not-verified = 這個投票只限已核實住址的居民參加。請聯繫網格員核實住址。
poll-err-bad-option = 這個選項無效，請重新打開投票再選。
poll-err-one-choice = 這是單選投票，只能選一項。
poll-err-too-many = 最多只能選 { $max } 項。
poll-err-already-voted = 您已經投過票了，這個投票不允許改票。
poll-err-household-voted = 您家（同一房號）已經有人投過票了，這個投票一戶只能投一票。
poll-err-try-again = 投票時出了點衝突，請再點一次。
poll-err-proxy-self = 不能給自己代投。
poll-err-proxy-voted-self = { $name } 已經自己投過票了，代投不會改動本人的選擇。
poll-err-proxy-household-voted = { $name } 家（同一房號）已經有人投過票了，這個投票一戶只能投一票，不能再代投。
poll-err-no-resident = 這個地址沒有登記的居民。

poll-announce = 🗳 <b>投票：{ $question }</b>
    截止時間：{ $closes }
    請點下方按鈕投票。
poll-btn-vote = 🗳 去投票
poll-btn-submit = ✅ 提交
# a choice typed where the ballot's buttons were meant (offer_typed_choice)
poll-typed-choice = 您是要在「{ $question }」裡投「{ $choice }」嗎？點一下下面的按鈕，或回一句「好的」，就投上了：
poll-typed-change = 您在「{ $question }」裡現在投的是「{ $current }」，要改投「{ $choice }」嗎？點一下下面的按鈕，或回一句「好的」，就改過來了：
poll-typed-choice-which = 現在有幾個投票，您說的是哪一個？點下面的投票再選：
poll-typed-choice-which-item = • 「{ $question }」裡的「{ $choice }」
poll-typed-choice-declined = 好的，這一票沒有投。想投的時候點上面的「{ poll-btn-open-ballot }」，或在「{ menu-consult }」裡找到這個投票。
poll-typed-choice-multiple = 「{ $question }」可以選好幾項：請打開選票，勾上「{ $choice }」和其他想選的，再點提交。
poll-typed-choice-same = 您在「{ $question }」裡投的就是「{ $choice }」，已經記上了，不用再投。
poll-btn-vote-for = ✅ 投「{ $choice }」
poll-btn-open-ballot = 🗳 打開選票
poll-btn-change = 🔁 改票
poll-btn-results = 📊 查看結果
poll-ballot = 🗳 <b>{ $question }</b>
    { $rules }
    截止：{ $closes }
poll-rule-single = 單選，點一個選項即可。
poll-rule-multi = 多選，最多選 { $max } 項，選好後點「✅ 提交」。
poll-rule-household = 一戶一票（同一房號只算一票）。
poll-rule-anonymous = 匿名投票，別人看不到您投了什麼。
poll-rule-named = 實名投票。
poll-rule-quorum = 參與須{ $strict ->
        [true] 超過
       *[other] 達到
    }{ $basis ->
        [households] 總戶數
        [per-household] 總戶數
       *[voters] 總人數
    }的 { $quorum } 才有效{ $basis ->
        [per-household] （一戶一票，按戶數算）
       *[other] {""}
    }。
poll-rule-threshold = 贊成須{ $strict ->
        [true] 超過
       *[other] 達到
    }投票的 { $threshold } 才算通過。
poll-rule-change = 截止前可以改票。
poll-voted = ✅ 已投票：{ $choice }
poll-vote-changed = 🔁 已改票：{ $choice }
poll-your-vote = 您的選擇：{ $choice }
poll-your-vote-proxy = ✍️ 這一票是 { $name }（社區工作人員）在 { $when } 代您投的：{ $choice }
poll-ballot-cast = 🗳 <b>{ $question }</b>
    您的選擇：{ $choice }
    { $change ->
        [true] 截止前想改票，在「{ menu-consult }」裡再點這個投票即可。
       *[other] 這個投票投出後不能再改。
    }
    截止：{ $closes }
# one's own ballot tapped after the poll closed (its options gone)
poll-ballot-closed = 🗳 <b>{ $question }</b>
    ⏹ 投票已經結束，{ $had ->
        [same] 您截止前投的這一票已經記上，仍然算數：{ $choice }
        [true] 這次沒有改成；截止前投的仍然算數：{ $choice }
       *[other] 這一票沒有記上。
    }
poll-household-voted-named = 🏠 您家（同一房號）已經投過票了：{ $name } 在 { $when } 投的。這個投票一戶一票，家裡一人投過就算全家投過，不用再投。
poll-household-voted-anonymous = 🏠 您家（同一房號）已經有人在 { $when } 投過票了。這個投票一戶一票，家裡一人投過就算全家投過，不用再投。
poll-closing-soon = ⏰ 投票「{ $question }」將於 { $closes } 截止，您還沒有投票。
poll-result = 📊 <b>投票結果：{ $question }</b>
    { $lines }
    { $multiple ->
        [true] { poll-multi-note }
       *[other] {""}
    }
    參與：{ $participants } / { $eligible }{ $basis ->
        [households] 戶
       *[voters] 人
    }（{ $turnout }）{ $proxies ->
        [0] {""}
       *[other] ，其中代投 { $proxies } 票
    }
    { $quorum_met ->
        [true] 法定參與比例 { $quorum }：✅ 達到
        [false] 法定參與比例 { $quorum }：❌ 未達到
       *[none] {""}
    }
    { $threshold_met ->
        [true] 通過比例 { $threshold }：✅ 達到
        [false] 通過比例 { $threshold }：❌ 未達到
       *[none] {""}
    }
    { $passed ->
        [true] 結論：✅ 通過（{ $winner }）
        [false] 結論：❌ 未通過{ $outcome ->
            [tie] （平票：{ $tied } 各 { $tied_votes } 票）
           *[other] {""}
        }
       *[none] { $outcome ->
            [winner] 結論：得票最多：{ $winner }
            [tie] 平票：{ $tied } 各 { $tied_votes } 票
           *[none] 結論：無人投票
        }
    }
poll-result-list-sep = {"、"}
poll-result-list-last-sep = {"、"}
# turnout against the eligible (and the quorum, where the poll has one), in the poll's unit
poll-live-results = 📊 <b>目前結果</b>（投票進行中）
    { $lines }
    { poll-turnout }
    { $multiple ->
        [true] { poll-multi-note }
       *[other] {""}
    }
# who took part so far, against the eligible and the quorum (live results, the staff card)
poll-turnout = 已有 { $participants }/{ $eligible } { $basis ->
        [households] 戶
       *[voters] 人
    }參與（{ $turnout }）{ $quorum_met ->
        [true] ，法定要求 { $quorum }（{ $needed } { $basis ->
            [households] 戶
           *[voters] 人
        }）：✅ 已達到
        [false] ，法定要求 { $quorum }（{ $needed } { $basis ->
            [households] 戶
           *[voters] 人
        }），還差 { $missing } { $basis ->
            [households] 戶
           *[voters] 人
        }
       *[none] {""}
    }
poll-multi-note = 多選（每人最多選 { $max } 項）：百分比是選這一項的人佔 { $ballots } 位投票人的比例，加起來可能超過 100%。
poll-results-hidden = 結果將在投票截止後公布。
poll-list-closed = 已結束
poll-results-asked-which = 最近結束了幾個投票，點一個看結果：
poll-results-asked-open = 「{ $question }」還在投票中，{ $closes } 截止。{ $live ->
        [yes] 現在的票數點「{ poll-btn-results }」看。
       *[no] 結果截止後公布，會發給您。
    }
poll-results-asked-none = 最近 { $days } 天沒有結束的投票，現在也沒有您可以投的投票。投票結束後，結果會發給大家，也會列在「{ menu-consult }」裡。
poll-staff-list-title = <b>投票列表</b>
    點一個投票查看詳情和操作。先列進行中的（先截止的在前），再列草稿、最近結束的（附結果）{ $cancelled ->
        [0] {""}
       *[other] ，最後是最近取消的
    }。
poll-staff-list-empty = 還沒有投票。點「➕ 新建投票」發起一個。
poll-staff-list-closes = · 截止 { $closes }
poll-staff-list-draft = · 草稿，未發布
poll-staff-list-cancelled = · 已取消
poll-outcome-passed = · ✅ 通過
poll-outcome-failed = · ❌ 未通過
poll-outcome-void = · ⚠️ 無效（參與不足）
poll-outcome-winner = · 最多：{ $winner }
poll-outcome-tie = · 平票
poll-outcome-none = · 無人投票
poll-list-voted-mine = ✅ 已投
poll-list-voted-household = ✅ 家人已投
poll-list-item = { $question }（截止 { $closes }）
poll-status-draft = 草稿
poll-status-open = 進行中
poll-status-closed = 已結束
poll-status-cancelled = 已取消
poll-staff-card = <b>{ $question }</b>
    狀態：{ $status } · 截止 { $closes }
    { $ended ->
        [closed] { $multiple ->
            [true] 共 { $ballots } 人投票（已結束，多選，每人最多 { $max } 項）{ poll-card-outcome }
           *[other] 共 { $ballots } 票（已結束）{ poll-card-outcome }
        }
        [cancelled] 共 { $ballots } 票（已取消，不計結果）
       *[none] { $multiple ->
            [true] 已有 { $ballots } 人投票（多選，每人最多 { $max } 項）
           *[other] 已投 { $ballots } 票
        }
    }
    { $quorum_met ->
        [none] {""}
       *[other] { poll-turnout }
    }
    { $verdict ->
        [true] ✅ 法定人數已達到：{ $participants }/{ $eligible } { poll-card-unit }參與（{ $turnout }），法定要求 { $quorum }（{ $needed } { poll-card-unit }）
        [false] ❌ 法定人數未達到：{ $participants }/{ $eligible } { poll-card-unit }參與（{ $turnout }），法定要求 { $quorum }（{ $needed } { poll-card-unit }），差 { $missing } { poll-card-unit }
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
        [households] 戶
       *[voters] 人
    }
# whom the announcement reached, as its deliveries stand: one held for the morning and dropped
# before it went (the person or their household voted first, or the poll ended) is not told
poll-card-reach = 📨 投票通知：已發給 { $told } 人{ $waiting ->
        [0] {""}
       *[other] ，另有 { $waiting } 人的通知等到 { $when } 發出
    }{ $dropped ->
        [0] {""}
       *[other] ；{ $dropped } 人的通知沒有發出（{ $open ->
            [true] 發出前本人或家人已投票
           *[other] 發出前已投票，或投票已結束
        }）
    }{ $undelivered ->
        [0] {""}
       *[other] ；{ $undelivered } 人未能送達（屏蔽了機器人或發送失敗）
    }
poll-btn-publish = 📣 發布
poll-btn-close-now = ⏹ 立即結束
poll-btn-cancel = ❌ 取消投票
poll-btn-edit = ✏️ 修改
poll-edit-what = 要修改什麼？
    單選/多選、面向哪些人等其他設置要改的話，請取消這個草稿，重新新建投票。
poll-edit-field-question = 問題
poll-edit-field-options = 選項
poll-edit-field-close = 截止時間
poll-edit-ask = 現在是：
    { $current }
    { $field ->
        [options] 請輸入新的選項，每行一個（{ $low } 到 { $high } 個）：
        [close] 請輸入新的截止時間，例如「{ $example }」：
       *[question] 請輸入新的問題（最多 { $limit } 字）：
    }
poll-btn-proxy = ✍️ 代投
poll-btn-export = 📥 導出 Excel
poll-new-ask-question = 新建投票。請輸入投票問題（最多 300 字）：
poll-new-ask-options = 請輸入選項，每行一個，或用頓號隔開（2 到 12 個）：
poll-new-ask-multiple = 單選還是多選？
poll-btn-single = 單選
poll-btn-multi = 多選
poll-new-ask-max = 最多可以選幾項？請輸入數字：
poll-new-ask-eligibility = 誰可以投票？
poll-btn-elig-registered = 已登記住址的居民
poll-btn-elig-verified = 只限已核實的居民
poll-new-ask-household = 是否一戶一票（同一房號只算一票）？
poll-new-ask-close = 請輸入截止時間，例如「{ $example }」或「下週一 晚上8點」：
poll-new-ask-anonymous = 匿名還是實名？
poll-btn-anonymous = 匿名
poll-btn-named = 實名
poll-new-ask-live = 結果什麼時候公開？
poll-btn-live = 投票中實時公開
poll-btn-hidden = 截止後公開
poll-new-ask-quorum = 需要達到多少參與比例才有效？例如「2/3」「50%」，不設置請點「跳過」：
poll-new-ask-basis = 參與比例按什麼算？
# a one-vote-per-household poll: its quorum is of households, not asked
poll-new-basis-households = 一戶一票的投票，參與比例按戶數算。
poll-btn-basis-voters = 按人數
poll-btn-basis-households = 按戶數
poll-new-ask-threshold = 贊成須達到多少比例才算通過？例如「3/4」，不設置請點「跳過」：
poll-preview = { $published ->
        [none] <b>預覽</b>（還沒有發出）
       *[other] ✅ <b>已發布</b>（{ $published }）
    }
    問題：{ $question }
    選項：
    { $options }
    { $rules }
    👥 面向：{ $audience_kind ->
        [grids] { $audience_names }
        [buildings] { $audience_names }
        [members] 報到黨員/志願者
       *[community] 全社區
    }
    🙋 誰可以投：{ $eligibility ->
        [verified] 只限已核實的居民
       *[registered] 已登記住址的居民
    }
    📊 結果：{ $live ->
        [true] 投票中實時公開
       *[false] 截止後公開
    }
    截止：{ $closes }
# told: sent now; waiting: held by quiet hours until { $when } (dropped if they vote first)
poll-published = ✅ 投票已發布{ $waiting ->
        [0] ，已通知 { $told } 人。
       *[other] { $told ->
            [0] 。
           *[other] ，已通知 { $told } 人。
        }🌙 現在是免打擾時段，{ $told ->
            [0] {""}
           *[other] 另有{" "}
        }{ $waiting } 人的通知會在 { $when } 發出（在那之前已經投票的就不再發）。發出多少，投票卡片上隨時可查。
    }
# count: the result notices queued for the audience (sent one by one by the outbox, not yet
# delivered)
poll-closed-done = ✅ 投票已結束，結果已排隊發給 { $count } 人。
poll-cancel-done = ✅ 投票已取消，取消通知已排隊發給 { $count } 人。
poll-btn-close-confirm = ⏹ 確認立即結束
poll-btn-cancel-confirm = ❌ 確認取消投票
poll-btn-keep-open = ↩️ 不了，繼續投票
poll-close-confirm = 確定現在就結束投票「{ $question }」嗎？已收到 { $ballots } 張選票，結束後按這些票公布結果，沒投的人就不能再投了。
poll-close-confirmed = ⏹ 投票「{ $question }」已結束。
poll-cancel-confirmed = ❌ 投票「{ $question }」已取消。
poll-cancel-confirm = 確定取消投票「{ $question }」嗎？已收到的 { $ballots } 張選票將作廢，不公布結果；參與對象會收到取消通知。
poll-kept-open = 好的，投票繼續進行。
poll-draft-cancelled = ✅ 草稿已刪除，沒有發給任何人。
poll-draft-cancelled-topic = ✅ 草稿已刪除，沒有發給任何人。
    💡 議題「{ $title }」已恢復為徵集中，可以再列入議程或發起投票。{ $told ->
        [0] {""}
       *[other] 之前收到「社區將發起投票」通知的 { $told } 人，已告訴他們這次投票不發了。
    }
poll-cancelled-notice = 投票「{ $question }」已取消，之前投的票不再有效。給您添麻煩了。
poll-proxy-ask-building = 代投：請選擇居民所在樓棟：
poll-proxy-ask-room = 請輸入居民的房號：
poll-proxy-choose-resident = 這個房號有多位居民，請選擇為哪一位代投（選好後出現選票）：
poll-proxy-ballot = ✍️ 代 { $name } 投票：{ $question }
# a proxy ballot once used (it had the options to tap)
poll-proxy-cast = ✍️ 已為 { $name } 代投：<b>{ $question }</b>
    投的是：{ $choice }（已記入審計）
    截止：{ $closes }
# a proxy ballot tapped after the poll closed (its options gone)
poll-proxy-closed = ✍️ 代 { $name } 投票：<b>{ $question }</b>
    ⏹ 投票已經結束，{ $had ->
        [same] 截止前已為 { $name } 記上這一票，仍然算數：{ $choice }
        [true] 這次沒有改成；截止前為 { $name } 記上的一票仍然算數：{ $choice }
       *[other] 這一票沒有記上。
    }
poll-proxy-done = ✅ 已為 { $name } 代投：{ $choice }（已記入審計）
# to the resident a proxy vote was recorded for (in their name: they can check it)
poll-proxy-notice = ✍️ { $name }（社區工作人員）代您在投票「{ $question }」裡投了：{ $choice }。
    { $change ->
        [true] 如果不是您的意思，{ $closes } 截止前可以點下面的按鈕，自己改票。
       *[other] 這個投票不能改票；如果不是您的意思，請聯繫社區。
    }
poll-btn-see-ballot = 🗳 看看這一票
form-busy = 您還有「{ $flow }」沒有填完。現在開始{ $new }的話，它填到一半的內容不會保存。
form-btn-keep = ↩️ 繼續填寫「{ $flow }」
form-btn-go = ✍️ 不填了，開始{ $new }
form-kept = 好的，請接著填寫「{ $flow }」：回答上面最後一個問題即可，已填寫的內容都還在。
consult-said-btn-keep = ↩️ 填進「{ $flow }」，繼續填寫
consult-said-form-kept = 好的，接著填寫「{ $flow }」，已填寫的內容都還在。剛才那句作為這一步的內容填進去：
form-left = ℹ️ 「{ $flow }」還沒有填完，已經離開，填到一半的內容沒有保存。
form-left-kept = ℹ️ 「{ $flow }」還沒有提交，內容已經為您保存：再按「{ $button }」就能接著提交。
form-name = { $group ->
        [PollForm] 新建投票
        [ProxyForm] 代投
        [TopicForm] 提議題
        [TopicAnswer] 答覆議題
        [MeetingForm] 新建議事會
        [MeetingStart] 新建議事會
        [MeetingChange] 修改議事會
        [PollChange] 修改投票
        [DraftAudience] 改面向範圍
        [MeetingPostpone] 推遲議事會
        [MeetingCancel] 取消議事會
        [Minutes] 會議紀要
        [CodeForm] 輸入簽到碼
        [QuestionForm] 問組織者
        [QuestionAnswer] 回覆居民提問
        [DecisionOrder] 決議轉工單
        [Reg] 登記住址
        [MemberEdit] 修改技能
        [PhoneEdit] 修改手機號
        [Join] 黨員/志願者報到
        [ReviewReason] 填寫不通過原因
        [SuspendReason] 填寫暫停原因
        [Filing] 點單
        [AddInfo] 補充信息
        [RateComment] 評價
        [ResultFlow] 完成上報
        [ResultReport] 完成上報
        [SendBack] 退回成果
        [ClaimFlow] 工單說明
        [Release] 放棄工單
        [MemberNote] 告訴社區
        [OrderCancel] 撤銷工單
        [Compose] 發通知
        [StaffFlow] 訴求處理
        [IssueOrder] 派單
        [Transfer] 轉辦
        [TransferAnswer] 記錄轉辦回覆
        [Merge] 合併訴求
        [Decline] 不受理
        [StaffResult] 填寫辦理結果
        [Place] 改地點
        [OnBehalf] 代居民登記
        [OrgEdit] 修改組織架構
        [ChannelForm] 設置公示頻道
       *[other] 另一項操作
    }
poll-export-caption = 投票結果導出：{ $question }

## ❓ 問組織者: residents' questions to a meeting's organizer, and staff answers
mq-btn-ask = ❓ 問組織者
mq-ask-prompt = 請寫下您想問「{ $title }」組織者的問題，發給我就行。不問了點「✖️ 取消」。
mq-asked = ✅ 已轉給組織者，回覆會發到這裡。（「{ $title }」）
mq-err-cancelled = 「{ $title }」已經取消了，不再收提問。有事可以點「{ menu-order-new }」報給社區。
mq-err-over = 「{ $title }」已經開完一天多了，不再收提問。有事可以點「{ menu-order-new }」報給社區。
mq-err-too-many = 您在這場議事會已有 { $limit } 個問題還在等回覆，等組織者回復後再問吧。
mq-err-not-found = 沒有找到這個問題，可能已經被刪除。
mq-err-answered = 這個問題已由 { $name } 在 { $when } 回覆過了，不用再回。
mq-staff-notice = ❓ 居民提問 · { $title }
    { $name }（{ $home }）：{ $question }
mq-btn-reply = ↩️ 回覆
mq-btn-reply-n = ↩️ 回覆 { $n }
mq-staff-answered = ❓ 居民提問 · { $title }
    { $name }（{ $home }）：{ $question }
    ✅ { $by } 已於 { $when } 回覆：{ $answer }
mq-answer-prompt = 回覆「{ $title }」的提問。
    { $name } 問：{ $question }
    請寫下您的回覆，會直接發給居民。不回了點「✖️ 取消」。
mq-answer-sent = ✅ 回覆已發給 { $name }。
mq-answer = 💬 組織者回復（{ $title }）：{ $answer }
    （您問的是：{ $question }）
mq-staff-card-line = ❓ 提問 { $asked }（待回覆 { $waiting }）
mq-btn-list = ❓ 待回覆的提問（{ $waiting }）
mq-list-head = 「{ $title }」待回覆的提問 { $waiting } 個：
mq-list-line = { $n }. { $name }：{ $question }
mq-list-empty = 「{ $title }」的提問都已回覆。
mq-btn-typed = ❓ 轉給「{ $title }」的組織者
mq-typed-hint = 這像是想問議事會組織者的問題：點「❓ 轉給…的組織者」，回覆會發到這裡。
