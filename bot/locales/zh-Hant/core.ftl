### Generated from zh-Hans/core.ftl by bot/locales/make_hant.py (OpenCC s2tw and its
### FIXES). Do not edit: change the zh-Hans text and run the script again.

## Core: menu, start, help, cancel, language, errors

menu-register = 🏠 登記住址
menu-profile = 👤 我的資料
menu-help = ❓ 幫助
menu-become-member = 🙋 黨員/志願者報到
menu-members = 🧾 報到審核
menu-admin = ⚙️ 管理
menu-placeholder = 請選擇下方按鈕，或直接輸入

start-greeting = 您好，{ $name }！歡迎使用<b>鄰里</b>社區服務。
    在這裡您可以向社區反映問題（點單）、查看辦理進度、參加議事和投票。
start-greeting-registered = 您好，{ $name }！有什麼可以幫您？
start-need-register = 第一次使用請先點「🏠 登記住址」，只需一分鐘。
start-register-optional = 如果您也住在本街道，可以點「🏠 登記住址」，以居民身份點單和投票。
start-role-staff = 您是{ $communities }的工作人員。
start-role-admin = 您是街道管理員，各社區的事務都可以處理。
start-todo-title = 目前待辦：
start-todo-waiting = • 待受理訴求 { $count } 件{ $urgent ->
        [0] {""}
       *[other] （其中緊急 { $urgent } 件）
    }
start-todo-verify = • 待驗收的結果 { $count } 件
start-todo-overdue = • 已超期未辦結 { $count } 件
start-todo-applications = • 報到待審核 { $count } 人（點「{ $button }」）
start-todo-topics = • 居民提的議題待處理 { $count } 個（點「{ $button }」→「{ consult-btn-topic-review }」）
start-todo-minutes = • 已開完、還沒發紀要的議事會 { $count } 場（點「{ $button }」）
start-todo-none = 目前沒有待辦事項。
start-todo-hint = 點「{ $button }」開始處理。
start-member-offers = 🛠 有 { $count } 個工單適合您，點「{ $button }」看看。
start-member-claims = 📌 您手上有 { $count } 個工單{ $overdue ->
        [0] {""}
       *[other] ，其中 { $overdue } 個已過期限
    }（點「{ $button }」）。
start-resident-progress = 📂 您有 { $count } 件訴求正在辦理（點「{ $button }」查看進度）。
start-resident-rate = ⭐ { $count } 件已經辦好，等您評價（在「{ $button }」裡）。
start-resident-polls = 🗳 { $count } 個投票等您參加（點「{ $button }」）。

office-title = 🏢 { $community }服務中心
office-phone = 電話：{ $value }
office-address = 地址：{ $value }
office-hours = 辦公時間：{ $value }

help-text = <b>鄰里 · 使用幫助</b>
    點下方的大按鈕就能辦事，不用記命令：
help-button = { $label }：{ $what }
help-what-register = 第一次用先點這裡，登記您住哪棟樓、哪個房間（一分鐘就好）。
help-what-order-new = 家裡、樓裡、小區裡有問題，或者需要幫忙，點這裡告訴社區。可以打字，也可以發照片、語音。
help-what-order-mine = 看您反映的事辦到哪一步了；還可以補充情況、催一下、撤回，辦完後評價。
help-what-consult = 社區的議事會、投票和議題徵集，可以報名參加、投票、提議題。
help-what-profile = 看或修改您的住址、手機號、夜間免打擾，也可以刪除您的信息。
help-what-become-member = 黨員、志願者在這裡報到，社區審核後就可以接服務工單。
help-what-order-open = 適合您、現在可以接的服務工單，點一下就接。
help-what-order-claims = 您接下的工單：辦完在這裡上報結果和照片；辦不了可以退回。
help-what-order-points = 您的服務積分、服務時長和社區排行。
help-what-order-queue = 還沒處理的居民訴求，緊急的在前，可以派單、直接辦理、轉辦、合併或不受理。
help-what-order-on-behalf = 居民打電話或上門反映的事，替他們登記。
help-what-order-stats = 響應率、解決率、滿意率，辦理時長和圖表，導出台賬。
help-what-consult-staff = 發起議事會、投票和議題徵集，簽到和會議紀要。
help-what-members = 審核黨員、志願者的報到申請。
help-what-broadcast = 給全社區、某個網格或樓棟發通知。
help-what-admin = 邀請和撤銷社區工作人員和管理員，管理組織架構和訴求分類。
help-text-commands = • 任何時候發 /cancel 都可以退出當前操作，/start 回到主菜單。
    • /lang 切換語言 Language　• /forget 刪除我的個人信息　• /help 顯示本幫助
help-text-staff = 工作人員還可以用這些命令：
    • /stats 台賬統計（/stats 2026-11 指定月份）　• /find 查找訴求（/find 漏水、/find 502）　• /broadcast 發通知　• /quiet 查看或修改免打擾時段（例如 /quiet 22:00 07:00，/quiet off）
help-text-admin = 作為街道管理員：
    • /admin 管理：邀請和撤銷社區工作人員（/invite 直接生成邀請鏈接）
    • /categories 訴求分類與時限，/category 修改
    • /quiet 社區名 … 修改某個社區的免打擾時段

cancel-done = 已取消，回到主菜單。
cancel-nothing = 當前沒有進行中的操作，回到主菜單。

lang-choose = 請選擇語言 / Choose your language:
lang-set = 語言已切換為繁體中文。
lang-name-zh-Hans = 中文（簡體）
lang-name-zh-Hant = 繁體中文
lang-name-en = English

common-yes = 是
common-no = 否
common-back = ⬅️ 上一步
common-step-current = （之前填的是：{ $value }。要改就發新的；不改請再發一遍。）
common-cancel = ✖️ 取消
common-skip = 跳過
common-confirm = ✅ 確認
common-prev-page = ◀️ 上一頁
common-next-page = 下一頁 ▶️
# a typed text shortened so its card fits one message (services.fitting); $total: its characters
text-cut = …（全文共 { $total } 字，點「📄 全文」查看）
# the same in a notice: its button opens the card, whose 📄 全文 shows it whole
text-cut-open = …（全文共 { $total } 字，打開詳情後點「📄 全文」查看）
common-btn-whole-text = 📄 全文
# what was just typed, echoed back too long for one message: it is whole in their own message
text-cut-echo = …（全文共 { $total } 字，即您發的上一條消息）
common-not-sure = 不清楚

group-use-private = 我只在私聊裡為大家服務（點單、登記、議事都在私聊辦理）。請點下方按鈕，或搜索 { $bot } 和我私聊。
group-open-private = 💬 和我私聊
group-button-private = 這個按鈕只能在和我的私聊裡用。請點群裡的「{ group-open-private }」，到私聊裡辦理。
group-kept-go-private = 收到！這件事請到私聊裡提交：點下方按鈕和我私聊，您說的已經記下，不用再說一遍（房號、電話等也請在私聊裡說，不要發在群裡）。
group-kept-too-long = 這段話太長了：和您之前在群裡說的加起來超過一件事能記下的長度，這次的沒有記下（之前說的還在）。請點下方按鈕到私聊裡，分幾次說或精簡一下再說。
group-contact-public = ⚠️ 這個電話號碼群裡的人都能看到。建議長按那條消息刪除（撤回）；電話請在和我的私聊裡告訴我（點下方按鈕）。
group-pii-public = ⚠️ 您發的電話、房號等群裡的人都能看到，建議長按那條消息刪除（撤回）。
group-howto = 這個在和我的私聊裡辦（點下方按鈕打開）：{ $answer }
group-hello = 大家好，我是「鄰里」社區服務助手。{ $bound ->
        [yes] 我會在這個群裡發布{ $community }的議事會、投票等公開通知。
       *[other] 我會在這個群裡發布社區的公開通知。
    }
    報事點單、登記住址、報名參會、投票都在和我的私聊裡辦理：點下方按鈕，或搜索 { $bot }。房號、電話等請不要發在群裡。
group-joined-staff = 「鄰里」已加入群「{ $title }」（由 { $by } 添加）。{ $bound ->
        [yes] 這個群已對應{ $community }：面向全社區的議事會、投票發布時，會在群裡發一條公開通知（不含個人信息），附私聊報名、投票的按鈕。
       *[other] 這個群還沒有對應任何社區，不會在群裡發通知。由某個社區的社工把我加進群，就會對應該社區。
    }
group-bound-title = <b>本社區綁定的群</b>（面向全社區的議事會、投票發布時，我會在群裡發一條公開通知）：
group-bound-line = · 「{ $title }」（{ $community }）
group-bound-none = 本社區目前沒有綁定的群。社工把我加進社區的居民群，這個群就會和本社區綁定。
group-btn-unbind = 🔓 解除綁定「{ $title }」
group-unbind-ask = 確定解除群「{ $title }」和{ $community }的綁定嗎？解除後我不會再在這個群裡發任何通知（我還在群裡；要重新綁定，請把我移出群后再加進來）。
group-btn-unbind-yes = 🔓 確定解除
group-btn-unbind-no = ↩️ 不解除
group-unbound = ✅ 已解除群「{ $title }」和{ $community }的綁定，之後不會再往這個群裡發通知。
group-unbind-kept = 好的，沒有解除，這個群照舊和本社區綁定。
group-unbind-gone = 這個群已經沒有和本社區綁定了（可能已解除，或我已被移出群）。
group-channel-title = <b>本社區的公示頻道</b>（辦結結果和投票結果會公示在這裡，不含居民個人信息）：
group-channel-line = · 「{ $title }」（{ $community }）{ $gone ->
        [yes] ：我已被移出這個頻道，現在不會公示，把我加回頻道（設為管理員）即可恢復
       *[other] {""}
    }
group-btn-channel = 📣 設置公示頻道
group-btn-channel-of = 📣 設置公示頻道（{ $community }）
channel-set-howto = <b>設置{ $community }的公示頻道</b>（辦結結果和投票結果會公示在這裡，不含居民個人信息）：
    1. 在頻道的「管理員」裡添加我（{ $bot }），並允許「發布消息」；
    2. 回到這裡，把頻道里的任意一條消息轉發給我（長按消息 → 轉發 → 選擇和我的私聊）。
    現在的公示頻道：{ $current }
channel-set-no-current = 還沒有設置
channel-btn-stop = ↩️ 不設置了
channel-set-not-forwarded = 請把公示頻道里的任意一條消息轉發給我（長按消息 → 轉發 → 選擇和我的私聊）。不想設置了，點上面的「{ channel-btn-stop }」。
channel-set-not-channel = 這條消息不是從頻道轉發來的。請到公示頻道里，把頻道發的一條消息轉發給我。
channel-set-not-admin = 我還不是頻道「{ $title }」的管理員（或沒有「發布消息」的權限），沒法在那裡公示。請先在頻道的管理員裡添加我並允許發布消息，再轉發一次。
channel-set-taken = 這個頻道已經是{ $community }的公示頻道，不能同時作為本社區的公示頻道。請換一個頻道。
channel-set-same = 頻道「{ $title }」已經是{ $community }的公示頻道，不用更改。
channel-set-ask = 確定把{ $community }的公示頻道從「{ $old }」換成「{ $title }」嗎？之後的辦結結果和投票結果會公示在新頻道，舊頻道不再公示。
channel-btn-yes = 📣 確定更換
channel-btn-no = ↩️ 不更換
channel-set-done = ✅ { $community }的公示頻道已設為「{ $title }」，之後的辦結結果和投票結果會公示在這裡。
channel-set-kept = 好的，沒有更換，公示頻道照舊。
channel-set-stopped = 好的，不設置了，公示頻道照舊。
channel-set-gone = 找不到這個社區了，請重新打開「👥 本社區的群」。
group-left-staff = 「鄰里」已被移出群「{ $title }」（{ $by }）。之後不會再往這個群裡發任何消息{ $bound ->
        [yes] ；{ $community }的議事會、投票通知只發給居民個人
       *[other] {""}
    }。
group-joined-staff-channel = 「鄰里」已加入頻道「{ $title }」（由 { $by } 添加）。{ $bound ->
        [yes] 這是{ $community }的公示頻道：辦結結果（組織曬單）和投票結果會發在這裡（不含居民個人信息）。
       *[other] 這個頻道不是任何社區的公示頻道，不會在這裡發消息。
    }
group-left-staff-channel = 「鄰里」已被移出頻道「{ $title }」（{ $by }）。之後不會再往這個頻道發消息{ $bound ->
        [yes] ：{ $community }的辦結結果、投票結果不再公示，把我加回頻道（設為管理員）即可恢復
       *[other] {""}
    }。
smalltalk-thanks-group = 不客氣！有需要隨時找我們。
smalltalk-ack-group = 好的。
smalltalk-bye-group = 再見，祝大家生活愉快！
fallback-kept-offer = 您在群裡說的事：
    「{ $text }」{ $also }
    要把這件事報給社區嗎？點下面的按鈕，或者回一句「好的」，還可以補充照片、語音或位置。不報就回「不要了」。
# the photos and voice notes told with the words (order-kept-photos, order-kept-voice)
fallback-kept-also = （還有{ $items }）
fallback-kept-joined = 您在群裡說的事，和剛才說的，合在一起：
    「{ $text }」{ $also }
    要把這件事報給社區嗎？點下面的按鈕，或者回一句「好的」，還可以補充照片、語音或位置。不報就回「不要了」。

err-generic = 抱歉，出了點問題，我們已記錄下來。請稍後再試，或發 /start 回到主菜單。
err-stale-button = 這個按鈕已經失效了，請點最新一條消息裡的按鈕。
err-not-allowed = 抱歉，您沒有權限進行這個操作。
err-throttled = 您操作得太快了，請稍等幾秒再試。
err-menu-not-yours = 「{ $label }」現在不在您的菜單裡了（可能是身份有了變化）。請用下方的按鈕；有疑問可以聯繫社區。
err-unknown-text = 沒有看懂您的意思。有什麼事，直接打字或者發語音說就行；也可以點下面的按鈕。
err-text-empty = 內容不能為空，請重新輸入。
err-text-too-long = 內容太長了（{ $length } 字），最多 { $limit } 字，請精簡後重新輸入。
err-name-invalid = 請輸入真實姓名（只能包含漢字或字母，不能有表情符號或特殊字符）。
err-name-too-long = 姓名太長了，最多 { $limit } 個字。
err-label-invalid = 請只輸入文字，不要包含表情符號或特殊字符。
err-room-invalid = 房號格式不對。請輸入像「302」「3-502」「2單元301」這樣的房號。
err-room-too-long = 房號太長了，最多 { $limit } 個字。請輸入像「302」這樣的房號。
err-room-unknown = 沒關係，寫門牌上的號碼就行，比如「302」「2單元301」；實在記不清，寫樓層和方位也可以，比如「三樓東戶」。
err-phone-invalid = 號碼格式不對。請輸入 11 位手機號（如 139 0000 0001）或帶區號的座機號（如 021-12345678），也可以點「📱 發送我的手機號」。
err-contact-not-own = 只能分享您自己的手機號。請點「📱 發送我的手機號」按鈕。
err-consent-needed = 需要先同意個人信息使用說明才能登記。
err-address-stale = 這個地址選項已經不存在了，請重新選擇。
err-user-not-found = 找不到這個用戶。
err-admin-from-settings = { $id } 是由設置 LINLI_ADMIN_IDS 指定的管理員，這裡撤銷不了：請把這個 id 從該設置中刪去，再重啟機器人和調度程序。
err-revoke-not-admin = { $id } 不是街道管理員，沒有可撤銷的（沒有做任何修改，也沒有通知對方）。請核對 Telegram id。
err-revoke-not-staff = { $id } 不是社區工作人員，沒有可撤銷的（沒有做任何修改，也沒有通知對方）。請核對 Telegram id。
err-revoke-not-staff-there = { $id } 不是「{ $community }」的工作人員，沒有可撤銷的（沒有做任何修改，也沒有通知對方）。請核對 Telegram id 和社區名。
err-member-not-found = 找不到這份報到申請。
err-skills-empty = 請至少選擇或填寫一項技能/特長。
err-skills-unknown = 技能選項無效，請重新選擇。
err-community-required = 請指定社區。
err-community-unknown = 沒有名為「{ $name }」的社區。
err-grid-unknown = 沒有名為「{ $name }」的網格。
err-role-not-grantable = 這個角色不能這樣授予。
err-need-register = 請先登記住址，再使用這個功能。
err-need-register-order = 要反映問題，請先登記您的住址（只要一分鐘）。登記好就接著說您的事。
err-button-not-text = 「{ $label }」是按鈕上的字，不是這一步要填寫的內容。請直接輸入文字回答上面的問題；不想繼續了請點「{ common-cancel }」。
err-button-not-here = 「{ $label }」這個按鈕這一步用不上，您已填寫的內容都還在。請按上面的提示繼續；不想繼續了請點「{ common-cancel }」。
err-choose-above = 這一步請點上面消息裡的按鈕來選擇，您已填寫的內容都還在。不想繼續了請點「{ common-cancel }」。
err-media-not-supported = 這裡需要文字。請用文字輸入，或發 /cancel 退出。

# between the items of a list in a sentence (roles, skills, communities)
list-sep = {"、"}
# how someone who deleted their personal data (/forget) is named to others (models.users.DeletedName)
person-data-deleted = （已刪除個人信息）
role-resident = 居民
role-member = 黨員/志願者
role-staff = 社區工作人員
role-admin = 街道管理員

cmd-start = 主菜單
cmd-help = 幫助
cmd-cancel = 取消當前操作
cmd-profile = 我的資料
cmd-lang = 切換語言
cmd-forget = 刪除我的個人信息
cmd-invite = 邀請社區工作人員
cmd-admin = 管理菜單
cmd-register = 登記住址
cmd-join = 黨員/志願者報到
cmd-stats = 數據統計與台賬導出
cmd-find = 查找訴求（姓名、電話、房號、字詞）
cmd-broadcast = 群發通知
cmd-quiet = 免打擾時段
fallback-offer-request = 要把這件事報給社區嗎？點下面的按鈕，或者回一句「好的」，我們會幫您登記，您還可以補充照片、語音或位置。不報就回「不要了」。
fallback-offer-request-or-ask = 如果是要社區幫忙辦的事，請點「📝 報給社區」。不需要就回「不要了」。
fallback-offer-which = 請點上面的按鈕選一個：想問議事會的事，點「❓ 轉給…的組織者」；要社區幫忙辦的事，點「📝 報給社區」。
fallback-offer-added = 收到，和剛才說的一起記下了。
fallback-neighbour-private = 鄰居的電話和住址，我們不能告訴別人，這是為了保護每一家的隱私。想請社區幫您聯繫他們，可以報給社區。
# the same asked before registering: nothing is kept as a matter of theirs
fallback-neighbour-private-new = 鄰居的電話和住址，我們不能告訴別人，這是為了保護每一家的隱私。有事想請社區幫忙聯繫，可以打社區電話，或者先點「{ menu-register }」登記住址。
fallback-offer-greeted = 您好，我在！剛才您說的是：「{ $text }」
fallback-offer-greeted-media = 您好，我在！剛才您發來的，還沒有報給社區。
fallback-text-too-long = 這段話有 { $length } 字，超過了一件訴求能記下的 { $limit } 字，沒有記下。請分成幾段發送，或精簡後再發。
fallback-offer-too-long = 這段話（{ $length } 字）和剛才說的加起來超過 { $limit } 字，沒有加進去；剛才說的還在。請精簡後再發，或者先報給社區，再分幾次補充。
fallback-offer-said-again = 這件事剛才已經記下了，不用再發一遍。
fallback-offer-voice-more = 收到第 { $count } 條語音，和前面的一起記下了。
fallback-offer-voices-full = 這件事已經留了 { $limit } 條語音，這條沒有再留下。還想說的，可以打字補充。
fallback-offer-dropped = 好的，這件事先不報了。有需要時再跟我說，直接打字、發照片或語音都行。
fallback-offer-topic =
    您想提的議題：「{ $topic }」
    議題是請居民們在議事會上一起商量的事，其他居民可以附議。點「💡 作為議題提交」就提交；如果是需要社區去辦的具體問題，請點「📝 報給社區」。
fallback-topic-button = 💡 作為議題提交
fallback-topic-which = 請點上面的按鈕選一個：請大家在議事會上商量的事，點「{ fallback-topic-button }」；要社區去辦的具體問題，點「{ fallback-file-button }」。也可以直接回「提交」或「報給社區」。
fallback-file-button = 📝 報給社區
fallback-choice-file = 報給社區
fallback-choice-topic = 作為議題提交
fallback-choice-note = 告訴社區
fallback-choice-drop = 先不報了
fallback-add-offer = 您要補充的是：{ $text }
    是補充到您已經報的訴求裡嗎？請點那件事；如果是另一件新的事，請點「{ fallback-file-button }」。
fallback-add-button = ➕ 補充到 { $number }（{ $what }）
fallback-add-which = 請點上面的按鈕選一個：補充到原來的訴求，點「➕ 補充到 …」；另一件新的事，點「{ fallback-file-button }」。
fallback-choice-add = 補充到原來的訴求
fallback-offer-chosen = ✓ 已選：{ $choice }
fallback-offer-already = 這條已經選過了：「{ $choice }」。請接著看下面的消息。
fallback-kept-topic-until-registered = 您想提的議題我們先記下了：「{ $topic }」
    提議題需要先登記您的住址（只要一分鐘）；登記好後可以直接把它作為議題提交，也可以報給社區去辦，不用再說一遍。
fallback-kept-topic-lead = 登記前您說的，已經帶過來了。
fallback-draft-started = 好的，已經記下您說的話。還可以補充文字、照片、語音或位置；說完請點「✅ 說完了」。
fallback-draft-started-media = 好的，已經記下您發來的內容。請再用文字或語音說說是什麼事、在哪裡；說完請點「✅ 說完了」。
fallback-draft-started-voice = 好的，已經記下您的語音。還可以補充文字、照片或位置；說完請點「✅ 說完了」。
smalltalk-thanks = 不客氣！有需要隨時找我們。
smalltalk-ack = 好的。有需要時點下面的按鈕就行。
smalltalk-bye = 再見，祝您生活愉快！有需要隨時來找我們。
smalltalk-chat = 我是社區的服務小助手，天氣、聊天這些我不太在行 😊 家裡、樓裡、小區裡有什麼事需要社區幫忙，直接跟我說就行，打字、發照片或語音都可以。
smalltalk-undo = 沒關係。有需要時再跟我說，直接打字、發照片或語音都行。
smalltalk-lead-in = 您請說，我在聽。直接打字說說是什麼事，也可以發照片或語音。
# '😭' / '😢' sent alone: someone upset, maybe in trouble (the office's contacts follow, when on file)
smalltalk-sad = { $registered ->
    [yes] 您怎麼了？遇到什麼難處，跟我們說說，打字、發語音都行。要社區幫忙，點「{ menu-order-new }」；著急的話，直接打社區電話。
   *[no] 您怎麼了？遇到什麼難處，跟我們說說，打字、發語音都行。要社區幫忙，先點「{ menu-register }」登記住址（一分鐘就好）；著急的話，直接打社區電話。
}
    身體不舒服或者有危險，請馬上撥打 120 或 110。
# '🔥' / '🆘' sent alone: maybe danger (the office's contacts follow, when on file)
smalltalk-alarm = { $registered ->
    [yes] 出什麼事了？著火、有人受傷或者有危險，請馬上撥打 119 / 120 / 110。要社區幫忙，打字或發語音說說是什麼事，或者點「{ menu-order-new }」。
   *[no] 出什麼事了？著火、有人受傷或者有危險，請馬上撥打 119 / 120 / 110。要社區幫忙，打字或發語音說說是什麼事，或者直接打社區電話。
}
# '😭' / '🔥' from someone not registered (no community yet): every office with a phone on file
smalltalk-offices = 還不知道您住在哪個社區。各社區服務中心的電話：
smalltalk-office-phone = { $community }：{ $phone }
# other emoji sent alone ('🌸', '😂'): a friendly short answer, not 'not understood'
smalltalk-emoji = 😊 收到。有什麼需要社區幫忙的，直接打字或發語音跟我說就行。
smalltalk-who = 我是「鄰里」社區服務小助手，是自動回覆的程序，不是真人。您在這裡說的事，會轉給社區工作人員辦理；想和工作人員直接說話，請打社區電話。

# A short question how to use one feature ("怎麼投票"), answered instead of being offered for
# filing (services.smalltalk.how_to). $registered: yes / no (has an address); $member: yes / no.
howto-vote = { $registered ->
        [no] 投票要先登記住址：點「{ menu-register }」，一分鐘就好。登記好後點「{ menu-consult }」，列表裡帶 🗳 的就是正在進行的投票，點開選好就投上了。
       *[yes] 點下方的「{ menu-consult }」，列表裡帶 🗳 的就是正在進行的投票，點開選一項就投上了（多選的選好後點「{ poll-btn-submit }」）。有新投票時我們也會通知您，點通知裡的「{ poll-btn-vote }」也可以。
    }
howto-meeting = { $registered ->
        [no] 報名參加議事會要先登記住址：點「{ menu-register }」，一分鐘就好。登記好後點「{ menu-consult }」，點帶 📅 的議事會，再點「{ meeting-btn-yes }」就報上名了。
       *[yes] 點下方的「{ menu-consult }」，點帶 📅 的議事會看時間地點，再點「{ meeting-btn-yes }」就報上名了。開會簽到時我們會發消息給報了名的人，點裡面的「{ meeting-btn-checkin }」就行；也可以在「{ menu-consult }」裡點「{ meeting-btn-checkin-code }」，輸入工作人員出示的簽到碼。
    }
howto-topic = { $registered ->
        [no] 提議題要先登記住址：點「{ menu-register }」，一分鐘就好。登記好後點「{ menu-consult }」，再點「{ consult-btn-propose }」，用一句話寫下您想討論的事。
       *[yes] 點下方的「{ menu-consult }」，再點「{ consult-btn-propose }」，用一句話寫下您想討論的事就行。別人提的議題在「{ consult-btn-topics }」裡，贊成的可以點「{ topic-btn-back }」。
    }
howto-file = { $registered ->
        [no] 反映問題要先登記住址：點「{ menu-register }」，一分鐘就好。登記好後點「{ menu-order-new }」，說說是什麼事、在哪裡，說完點「{ order-btn-finished }」，再點「{ order-btn-submit }」。
       *[yes] 點下方的「{ menu-order-new }」，用文字、照片或語音說說是什麼事、在哪裡，說完點「{ order-btn-finished }」，再點「{ order-btn-submit }」就報給社區了。也可以直接把事情打字發給我。
    }
howto-follow = 點下方的「{ menu-order-mine }」，能看到您反映的每件事辦到哪一步了，點那件事的「查看」按鈕看詳情。等了太久還沒人處理的，那裡會出現「{ order-btn-urge }」按鈕，點它就會提醒負責的人；催過以後，過一天還可以再催。
howto-withdraw = 點下方的「{ menu-order-mine }」，再點那件事的「查看」按鈕：社區還沒受理的，下面有「{ order-btn-withdraw }」，點它再點「{ order-btn-withdraw-yes }」就撤回了。社區已經在辦的事不能撤回了，可以點「{ order-btn-add-info }」說明情況。
howto-add-info = 點下方的「{ menu-order-mine }」，再點那件事的「查看」按鈕，點「{ order-btn-add-info }」，就可以補充文字、照片、語音或位置了，負責的人會收到。
howto-rate = 事情辦好後，我們會發消息請您評價，點「{ order-rate-satisfied }」「{ order-rate-basic }」或「{ order-rate-unsatisfied }」就行；也可以在「{ menu-order-mine }」裡點開那件事評價。選「{ order-rate-unsatisfied }」的，社區會重新辦理。
howto-points = { $member ->
        [yes] 點下方的「{ menu-order-points }」，能看到本月和累計的積分、服務時長和社區排行。每個工單上寫著能得多少積分，您接單辦完、經社區驗收通過後就記給您。
       *[no] 積分和服務時長是給報到的黨員、志願者的：接單辦完、經社區驗收通過後記上。想參加的話，先點「{ menu-become-member }」報到，社區審核通過後就能接單、攢積分了。
    }
howto-claim = { $member ->
        [yes] 點下方的「{ menu-order-open }」，看到適合您的工單，點它的「✋ 接」按鈕就接下了；有新工單我們也會通知您。接下的工單在「{ menu-order-claims }」裡，辦完點「{ order-btn-report-done }」。
       *[no] 接單要先報到：點「{ menu-become-member }」填寫資料，社區審核通過後，菜單裡會出現「{ menu-order-open }」，在那裡點一下就能接單。
    }
howto-join = { $member ->
        [yes] 您已經是報到的黨員/志願者了，不用再報到。點「{ menu-order-open }」可以接單，在「{ menu-order-points }」裡看積分。
       *[no] 點下方的「{ menu-become-member }」（或發 /join），按提示填寫姓名、工作單位、手機號和特長，選好服務的社區。社區審核通過後會通知您，然後就可以接單了。
    }
howto-address = { $registered ->
        [no] 點下方的「{ menu-register }」（或發 /register），按提示選社區、網格、樓棟，再填上房號就登記好了，只要一分鐘。
       *[yes] 點下方的「{ menu-profile }」，再點「{ profile-edit-address }」，按提示重新選社區、樓棟，填上房號就改好了。改了住址，社區會重新核實。
    }
howto-phone = { $registered ->
        [no] 手機號在登記住址時留：點「{ menu-register }」，登記的最後一步可以留手機號。
       *[yes] 點下方的「{ menu-profile }」，再點「{ profile-edit-phone }」，然後點「{ reg-share-phone }」或直接輸入新號碼；不想留了可以點「{ profile-phone-remove }」。
    }
howto-quiet = 夜間免打擾在「{ menu-profile }」裡設置：開著的時候，夜裡的一般通知會留到早上再發，緊急的照常發。要打開就點「{ profile-quiet-enable }」，想夜裡也收到通知就點「{ profile-quiet-disable }」。
howto-forget = 點下方的「{ menu-profile }」，再點「{ profile-forget }」（也可以發 /forget），確認後就刪除您的姓名、住址、房號、手機號和報到資料。已經辦過的事會留下記錄，但不再和您關聯。
howto-language = 發 /lang，在列出的語言裡點一個（簡體中文、繁體中文或 English）就換好了，菜單也會跟著換。
howto-office = { $registered ->
    [yes] 您所在的社區還沒有在這裡登記電話和地址。有事可以直接點「{ menu-order-new }」告訴我們，或者問問您的網格員。
   *[no] 還不知道您住在哪個社區。點「{ menu-register }」登記住址後，再問我就能告訴您社區的電話、地址和辦公時間。
}

fallback-kept-until-registered = 您說的我們先記下了。要把這件事報給社區，需要先登記您的住址（只要一分鐘）；登記好後接著提交，不用再說一遍。
fallback-kept-until-registered-staff = 如果說的是您自己家的事，已經先記下了：點下面的按鈕登記住址，登記好後接著提交，不用再說一遍。
# staff typed words nothing reads (handlers.fallback._staff_not_read): what they can say
# instead (fallback-staff-ways), and a button for when it is about their own home
fallback-staff-unread = 這句話沒有看出是哪項工作。工作上的事可以這樣說，或點菜單裡的按鈕：
# a photo, a voice note or a place sent by staff without an address here, outside any form
fallback-staff-media-unread = { $kind ->
    [photo] 這張照片
    [voice] 這段語音
   *[place] 這個位置
}沒有看出是哪項工作。工作上的事可以這樣說，或點菜單裡的按鈕：
fallback-staff-ways =
    •「待辦」：待處理的訴求（{ menu-order-queue }）
    •「代居民登記」：替打電話或上門的居民登記（{ menu-order-on-behalf }）
    •「本週統計」：台賬數字（{ menu-order-stats }）
    •「查一下週阿姨的訴求」：找某件事，也可以直接發編號，如 00012
    •「議事管理」：會議和投票（{ menu-consult-staff }）
fallback-staff-unread-own = 如果說的是您自己家的事，請點下面的按鈕：這句話會先記下，登記住址後接著提交。
fallback-staff-media-own = 如果是您自己家的事，請點下面的按鈕：{ $kind ->
    [photo] 照片
    [voice] 語音
   *[place] 位置
}會先記下，登記住址後接著提交；不點就不會記下。
# staff who also registered their home address here: the button begins their own request
fallback-staff-unread-home = 如果說的是您自己家裡的事，請點下面的按鈕，接著把它報給社區，和居民報事一樣。
fallback-own-matter-button = 🏠 是我自己家的事
fallback-choice-own = 是我自己家的事

# a date and time as people read it, in cards, lists, notices and the time steps
# (services.when.when_args: year, month, day, weekday, time)
date-time = { $year ->
        [none] {""}
       *[other] { $year }年
    }{ $month }月{ $day }日（{ $weekday ->
        [mon] 週一
        [tue] 週二
        [wed] 週三
        [thu] 週四
        [fri] 週五
        [sat] 週六
       *[sun] 週日
    }）{ $time }

# 打個電話給我 / 我不會打字 (handlers.call_back)
callme-answer = 不會打字也沒關係，這幾種辦法都行：
    · 發語音：按住輸入框旁邊的 🎤 說話，鬆開就發出去了，社區會聽您的語音；
    · 直接打社區電話（見下面）；
    · 點「📞 請社區回電」，社區工作人員會給您打電話。
smalltalk-call_me = { callme-answer }
callme-btn = 📞 請社區回電
callme-register-first = 請社區回電要先登記住址：點「🏠 登記住址」，一分鐘就好。也可以直接打社區電話。
callme-ask-phone = 請留一個能接電話的號碼：點下面的「📱 發送我的手機號」，或者直接打出號碼（比如 13912345678）。
callme-phone-invalid = 沒看出號碼來。請點「📱 發送我的手機號」，或者打出手機號（11 位）或帶區號的座機；不需要回電就點「✖️ 取消」。
callme-cancelled = 好的，不回電了。有需要隨時跟我說，也可以直接打社區電話。
callme-matter = 居民請社區回電話（不方便打字）。
callme-filed = 已請社區給您回電話，編號 { $number }。工作人員會打 { $phone } 聯繫您，請留意來電。
callme-words-kept = 您說的「{ $words }」已經記下，會和回電請求一起交給社區工作人員。
callme-cancelled-words = 您剛才說的「{ $words }」也沒有交給社區；要反映這件事，直接跟我說就行。
fallback-choice-callme = 請社區回電
callme-answer-new = 不會打字也沒關係：按住輸入框旁邊的 🎤 說話，鬆開就發出去了，社區會聽您的語音。
    想讓社區打電話給您，先登記一下住址（點下面的按鈕，一分鐘就好），之後說「給我打個電話」就行。
