### Generated from zh-Hans/broadcast.ftl by bot/locales/make_hant.py (OpenCC s2tw and its
### FIXES). Do not edit: change the zh-Hans text and run the script again.

## Broadcasts: staff notices to many residents

menu-broadcast = 📢 發通知
broadcast-staff-only = /broadcast 是社區工作人員發通知用的，您的賬號不能使用。
broadcast-staff-only-form = 您正在填寫的「{ $flow }」還在，請接著填寫。
broadcast-choose-community = 發給哪個社區？
broadcast-choose-audience = 這條通知發給誰？
broadcast-audience-community = 整個社區的居民
broadcast-audience-grids = 選幾個網格
broadcast-audience-buildings = 選幾棟樓
broadcast-audience-members = 報到的黨員/志願者
broadcast-audience-everyone = 所有社區的所有居民
broadcast-choose-grids = 請點選網格（可多選），選好後點“選好了”。
broadcast-choose-buildings = 請點選樓棟（可多選），選好後點“選好了”。
broadcast-targets-done = ✅ 選好了
broadcast-to-everyone = 發給：{ broadcast-audience-everyone }（要換髮送對象，點「{ common-back }」）。
broadcast-ask-text = 請輸入通知內容（一條消息），可以帶一張圖片。發送 /cancel 可取消。
broadcast-preview = <b>預覽</b>（居民看到的樣子如下）：
    ——————
    { $text }
    ——————
    將發給 <b>{ $count }</b> 人。夜間（免打擾時段）的通知會在早上送達；緊急通知立即發出。
broadcast-preview-long = <b>預覽</b>：上面就是居民會收到的樣子。{ $parts ->
        [1] 通知較長，所以這段說明單獨發出。
       *[other] 通知超過了一條消息的長度上限，居民會分 { $parts } 條收到，內容完整，不會被截斷。
    }
    將發給 <b>{ $count }</b> 人。夜間（免打擾時段）的通知會在早上送達；緊急通知立即發出。
broadcast-button-not-text = 「{ $label }」是按鈕上的字，不能當作通知內容。請直接輸入通知的文字（可以帶一張圖片）；不發了請點「{ common-cancel }」或發 /cancel。
broadcast-header = 📢 <b>{ $community }通知</b>（{ $sender }）
broadcast-header-everyone = 📢 <b>街道通知</b>
broadcast-sender-staff = 社區工作人員
broadcast-sender-grid = { $grid }網格員
broadcast-sender-admin = 街道
broadcast-send = ✅ 發送
broadcast-send-urgent = 🚨 緊急，立即發送
broadcast-cancel = ✖️ 不發了
broadcast-cancelled = 已取消，這條通知沒有發出。
broadcast-edit = ✏️ 修改
broadcast-edit-what = 要修改什麼？
broadcast-edit-text = 通知內容
broadcast-edit-audience = 發送對象
broadcast-edit-ask-text = 請發送改好的通知內容（一條消息，可以帶一張圖片）。原來的內容在上面的預覽裡；不改了請發「取消」或 /cancel，原來的預覽不受影響。
broadcast-edit-audience-done = ✅ 發送對象選好了，通知內容不變，新的預覽在下面。
broadcast-edit-cancelled = 已取消修改，什麼都沒有改。原來的預覽還在，可以在上面點「{ broadcast-send }」或「{ broadcast-cancel }」。
broadcast-empty-audience = 這個範圍裡還沒有登記的居民，無法發送。
broadcast-progress = 📤 正在發送：已發送 { $sent }/{ $total }
broadcast-held = 🌙 現在是免打擾時段：其中 { $count } 人的通知會在 { $when } 發出。急事請重新發送並選「🚨 緊急，立即發送」。
broadcast-report = <b>📢 通知發送完畢</b>
    共 { $total } 人：送達 { $sent } 人，已屏蔽機器人 { $blocked } 人，發送失敗 { $failed } 人。
broadcast-report-handed-over = 📨 { $author } 已不再負責{ $community }的工作，TA 發的通知「{ $notice }」的發送結果轉給您：
broadcast-scope-everyone = 所有社區
broadcast-show-unreached = 👀 查看沒收到的人
broadcast-unreached-title = <b>沒收到這條通知的人：</b>
broadcast-unreached-line = • { $name }（{ $outcome }）
broadcast-unreached-more = ……另外還有 { $count } 人沒收到，沒有一一列出。
broadcast-unreached-none = 所有人都收到了。
broadcast-outcome-blocked = 已屏蔽機器人
broadcast-outcome-failed = 發送失敗
broadcast-outcome-cancelled = 已取消
broadcast-bad-audience = 這個範圍無法發送通知。
broadcast-no-targets = 請先選擇要發送的網格或樓棟。
broadcast-too-long = 通知太長了（{ $length } 字），請控制在 { $max } 字以內，精簡後重新發送。
broadcast-not-found = 找不到這條通知（可能已取消）。
broadcast-already-sent = 這條通知已經發出，不會重複發送。
broadcast-quiet-now = 🌙 { $community } 的免打擾時段：{ $start }–{ $end }。這段時間裡不緊急的消息會等到早上再發。
    修改：/quiet 22:00 07:00　關閉：/quiet off
broadcast-quiet-off = 🔔 { $community } 已關閉免打擾時段（原為 { $start }–{ $end }），消息隨時發出。
    重新開啟：/quiet { $start } { $end }
broadcast-quiet-bad = 時間格式不對。請這樣寫：/quiet 22:00 07:00，或 /quiet off
broadcast-quiet-same = 免打擾的開始和結束不能是同一個時間。請這樣寫：/quiet 22:00 07:00；不要免打擾請發 /quiet off
broadcast-quiet-not-yours = { $community }的免打擾時段只能由該社區的社區工作人員修改。需要修改請聯繫：{ $ask }。
broadcast-quiet-not-yours-admin = { $community }的免打擾時段只能由該社區的社區工作人員修改；該社區還沒有社區工作人員，需要修改請聯繫街道管理員。
broadcast-quiet-line = 🌙 { $community }：免打擾 { $start }–{ $end }
broadcast-quiet-line-off = 🔔 { $community }：免打擾已關閉（原為 { $start }–{ $end }）
broadcast-quiet-which = 您負責幾個社區（{ $names }），請在命令裡先寫社區名，例如：
    /quiet { $example } 22:00 07:00　或　/quiet { $example } off

## A notice with a photo
broadcast-photo-received = 🖼 圖片收到了。請再發通知的文字，文字會配在圖片下面一起發出。
broadcast-photo-kept = 🖼 之前發的圖片還在，文字會配在圖片下面一起發出；要換圖就再發一張。
    想換一張圖片就直接再發一張；發 /cancel 取消。
broadcast-need-text-or-photo = 這裡需要通知的文字，也可以帶一張圖片（文字寫在圖片說明裡，或先發圖片再發文字）。貼紙、語音和文件不能作為通知；圖片請以“照片”方式發送。請重新發送，或發 /cancel 取消。
broadcast-preview-photo = <b>預覽</b>：上面就是居民會收到的樣子（圖片，文字配在圖片下面）。
    將發給 <b>{ $count }</b> 人。夜間（免打擾時段）的通知會在早上送達；緊急通知立即發出。
broadcast-preview-photo-long = <b>預覽</b>：上面就是居民會收到的樣子。文字超過了圖片說明的長度上限（{ $limit } 字），所以居民會先收到圖片，緊接著收到完整的文字，不會被截斷。想讓文字配在圖片下面，請把文字縮短後重新發送。
    將發給 <b>{ $count }</b> 人。夜間（免打擾時段）的通知會在早上送達；緊急通知立即發出。
