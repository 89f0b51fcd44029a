### Generated from zh-Hans/orders.ftl by bot/locales/make_hant.py (OpenCC s2tw and its
### FIXES). Do not edit: change the zh-Hans text and run the script again.

## Order cycle (issue 4): 居民點單 → 社區下單 → 黨員接單 → 組織曬單

menu-order-new = 📝 我要點單
menu-order-mine = 📂 我的訴求
menu-order-open = 🛠 可接工單
menu-order-claims = 📌 我的工單
menu-order-points = 🏅 我的積分
menu-order-queue = 📋 待辦訴求
menu-order-on-behalf = ☎️ 代居民登記
menu-order-stats = 📊 台賬統計

order-status-new = 待受理
order-status-ordered = 已派單
order-status-handling = 社區辦理中
order-status-transferred = 已轉辦
order-status-merged = 已合併
order-status-merged-into = 併入 { $number } · { $status }
order-card-merged-now = { $number } 現在：{ $status }
order-status-declined = 不予受理
order-status-withdrawn = 已撤回
order-status-done = 已辦結待評價
order-status-resolved = 已解決
order-status-closed = 已結案
order-status-reopened = 重新辦理

order-ostatus-open = 待接單
order-ostatus-claimed = 已接滿
order-ostatus-done = 待驗收
order-ostatus-verified = 已驗收
order-ostatus-cancelled = 已撤銷

order-channel-bot = 機器人
order-channel-phone = 電話
order-channel-visit = 來訪
order-channel-home_visit = 入戶走訪
order-channel-meeting = 議事會
order-channel-other = 其他

order-purpose-request = 訴求附件
order-purpose-info = 補充材料
order-purpose-result = 辦理結果

order-score-satisfied = 滿意
order-score-basic = 基本滿意
order-score-unsatisfied = 不滿意

## Resident: filing

order-ask-describe = 請說說您遇到了什麼事。
    可以直接打字，也可以發照片、語音，或點「📍 發送位置」。
    說完後請點「✅ 說完了」。
order-ask-describe-text = 還沒有內容。請先用文字（或語音）說說是什麼事。
order-voice-only = （居民留了語音，請收聽附件）
order-voice-only-own = （您留了一段語音）
order-voice-removed = （居民留過一條語音，已隨其個人信息一併刪除）
order-kept-intro = 登記前您說的，已經帶過來了：
order-kept-intro-group = 您在群裡說的，已經帶過來了：
order-kept-text = 「{ $text }」
order-kept-photos = 照片 { $count } 張
order-kept-voice = 語音 { $count } 條
order-kept-place = 位置 1 個
order-kept-go-on = 還可以繼續補充文字、照片、語音或位置；說完後請點「{ order-btn-finished }」。
order-got-text = 收到文字。還可以繼續補充，說完點「✅ 說完了」。
order-got-text-again = 這段話剛才已經記下了，不用再發。還可以繼續補充，說完點「✅ 說完了」。
order-compose-cancel-meant = 是不想報了嗎？點下面的「{ common-cancel }」就不提交了；要接著說，直接打字就行（這句沒有記進去）。
order-compose-how = 我在聽。直接打字說說是什麼事、在哪裡就行，也可以發照片或語音；說完點「{ order-btn-finished }」。
order-compose-aside = { $thanks ->
    [yes] 不客氣！
   *[no] 好的。
}這件事還沒交給社區：說完了請點「{ order-btn-finished }」，再點「{ order-btn-submit }」。
order-got-photo = 收到照片（共 { $count } 張）。
order-got-voice = 收到語音。
order-got-voice-more = 收到第 { $count } 條語音，和前面的都留著，社區都能聽到。
order-voices-full = 這件事已經留了 { $limit } 條語音，這條沒有再留下。還想說的，可以打字補充。
order-got-location = 收到位置。
order-contact-line = 聯繫人：{ $name } { $phone }
order-contact-line-own = 聯繫電話：{ $phone }
order-got-contact = 已寫進訴求說明：{ $line }
    還可以繼續補充，說完點「✅ 說完了」。
order-photos-full = 最多 { $limit } 張照片，已經夠了。
order-compose-unsupported = 這裡只能收文字、照片、語音和位置。
order-btn-finished = ✅ 說完了
order-btn-location = 📍 發送位置
order-preview-title = <b>您要反映的事情</b>
order-preview-tap-submit = 還差一步：請點下面的「{ order-btn-submit }」，點了才算報給社區。不報了就點「{ common-cancel }」。
order-preview-added = 好的，這句也補充進去了。沒有要補充的了，就點下面的「{ order-btn-submit }」。
order-preview-older = 這是舊的預覽，請在最新一條上點「{ order-btn-submit }」。
order-preview-phone-hint = 📞 描述裡有電話 { $phone }：要用它作為這件事的聯繫電話，請點下面的按鈕。
order-btn-use-phone = 📞 這件事打 { $phone } 聯繫我
order-preview-contact = 📞 這件事的聯繫電話：{ $phone }
order-preview-contact-set = 好的，這件事的聯繫電話用 { $phone }。
order-preview-category-typed = 好的，分類改成了「{ $category }」。沒有要補充的了，就點下面的「{ order-btn-submit }」。
order-preview-urgent-typed = 好的，已經標為緊急，社區會優先處理。沒有要補充的了，就點下面的「{ order-btn-submit }」。
order-preview-not-urgent-typed = 好的，改為不緊急了。沒有要補充的了，就點下面的「{ order-btn-submit }」。
order-preview-category = 分類：{ $category }
order-preview-pick-category = （只有語音，機器沒法判斷分類；可以點「🏷 換個分類」自己選，不選也沒關係，社區會處理。）
order-preview-unsure = （機器拿不準是哪一類。如果是下面按鈕上的一類，點一下就換；不換也沒關係，社區會處理。）
order-preview-photos = 照片：{ $count } 張
order-preview-voice = 語音：{ $count } 條
order-preview-location = 位置：已附上
order-preview-place = 📍 地點：{ $place }（按您說的；不對的話點下面「📍 地點改為…」）
order-preview-place-home = 📍 地點：{ $place }（您家的樓）
order-btn-place = 📍 地點改為 { $place }
order-btn-where = 📍 不在家裡？選地點
order-where-ask = 這件事在哪裡？點一下：
order-where-home = 🏠 我家（{ $place }）
order-where-ours = 🏢 我們樓（{ $place }，不在我家裡）
order-where-other = 🏘 另一棟樓
order-where-public = 🌳 小區公共區域（馬路、花園、停車場、大門…）
order-btn-where-back = ⬅️ 返回
order-where-building = 在哪棟樓？點一下：
order-where-public-ask = 在小區的哪裡？請打幾個字，比如「東門外馬路」「3號樓後面的花園」（{ $limit } 字以內）。不好說就點「跳過」。
order-preview-place-public = 📍 地點：小區公共區域 · { $where }
order-preview-place-ours = 📍 地點：{ $place }（樓裡，不在您家）
order-preview-public-hint = 📍 聽您說的，像是在小區公共區域（{ $where }），不在您家？是的話點下面「🌳 對，在…」。
order-btn-public-hint = 🌳 對，在{ $where }
order-preview-urgent = 🚨 緊急
# two matters told in one message: offered to be filed apart (each gets its own number)
order-preview-two = 您說的像是兩件事：
    ① { $first }
    ② { $second }
    分成兩件報，每件有自己的編號，各自有人管。要分開嗎？不分開，直接點「{ order-btn-submit }」。
order-btn-submit = ✅ 確認提交
order-btn-change-category = 🏷 換個分類
order-btn-urgent = 🚨 標為緊急
order-btn-not-urgent = 改為不緊急
order-btn-split = ✂️ 分成兩件
order-btn-one = 就當一件
order-btn-rewrite = ✏️ 重新說
order-choose-category = 請選擇最合適的分類：
order-choose-category-now = 訴求 { $number } 現在的分類是「{ $category }」。請選擇最合適的分類：
order-back-to-menu = 回到主菜單。
order-filed = ✅ 已提交，編號 <b>{ $number }</b>。社區工作人員會盡快處理。
order-filed-two = ✅ 已分成兩件提交，編號 <b>{ $first }</b> 和 <b>{ $second }</b>。社區工作人員會盡快處理。
order-filed-night = 🌙 現在是夜間免打擾時段，社區工作人員會在 { $time } 收到您的訴求。
    如有危險或急病，請直接撥打 110 / 119 / 120。
order-filed-joined = ✅ 已登記，編號 <b>{ $number }</b>，和訴求 { $target } 作為同一件事一起辦理：有進展會通知您。
order-similar-title = 📌 附近已經有鄰居反映過類似的事：
order-similar-line = • { $number } · { $what } · { $place } · { $since } 反映 · { $status }
order-similar-hint = 如果是同一件事，點下面的「➕ 和 … 是同一件事」，辦理進度會一起通知您；不是的話，直接點「✅ 確認提交」。
order-btn-join = ➕ 和 { $number } 是同一件事
order-err-join-closed = 那件事已經辦結或關閉了，請直接提交您的訴求。
order-card-joined = 👥 另有 { $count } 位居民反映了同一件事
order-filed-next = 可以在「📂 我的訴求」裡隨時查看進度。
lookup-request-none = 沒有找到編號為 { $number } 的訴求（或不是您能查看的）。您自己的訴求都在「📂 我的訴求」裡。
lookup-order-none = 沒有找到編號為 { $number } 的工單（或不是您能查看的）。
order-safety-gas = ⚠️ 請立即關閉燃氣閥門、打開門窗通風，不要開關電器、不要點火，到室外撥打燃氣搶修電話或 119。
order-safety-fire = ⚠️ 請立即離開危險區域，不要乘電梯，用溼毛巾捂住口鼻，馬上撥打 119。
order-safety-electric = ⚠️ 請先拉下電閘斷電，不要用手直接碰觸電的人或電線，需要時撥打 120。
order-safety-fall = ⚠️ 摔倒的人不要急著扶起，先看有沒有受傷、能不能動；有意識不清、劇痛或出血請馬上撥打 120。
order-safety-unconscious = ⚠️ 請馬上撥打 120。讓人平躺、頭偏向一側，鬆開領口，不要喂水喂藥；沒有呼吸時，按 120 調度員的指導做胸外按壓。
order-safety-medical = ⚠️ 病情急的請直接撥打 120，不要等社區回覆。
order-safety-flooding = ⚠️ 請先關上家裡的進水總閥門；水漫到插座、電器附近時，先拉下電閘斷電，再處理積水。
order-safety-poisoning = ⚠️ 疑似煤氣中毒：馬上開窗通風、把人移到空氣新鮮的地方，撥打 120。誤服藥物或有毒的東西：帶上藥盒或包裝，立即撥打 120。
order-safety-trapped = ⚠️ 被困電梯請按電梯裡的警鈴或撥打轎廂內的救援電話，不要扒門、撬門；有人被困或掉進井坑，請立即撥打 119。
order-safety-violence = ⚠️ 有人動手或拿著兇器時，請先遠離、保護好自己，立即撥打 110。
order-safety-self_harm = ⚠️ 有人可能輕生，請立即撥打 110 或 120，儘量有人陪在他身邊，不要讓他獨處。
order-safety-missing = ⚠️ 老人或孩子走失，請立即撥打 110 報警，不用等滿 24 小時；準備好近照，記下走失時穿的衣服。
order-safety-falling_object = ⚠️ 請遠離下方、提醒過路的人繞行；有人受傷請撥打 120。
order-safety-collapse = ⚠️ 請馬上離開可能坍塌的地方，提醒鄰居不要靠近，撥打 119。
order-safety-alone_unreachable = ⚠️ 擔心獨居的人在家出了意外、又敲不開門時，可以撥打 110 請民警協助上門查看。

## Resident: my requests

order-mine-empty = 您還沒有提交過訴求。點「📝 我要點單」就可以反映問題。
order-mine-title = <b>我的訴求</b>（共 { $total } 件，第 { $page }/{ $pages } 頁）
order-mine-line = { $number } · { $status } · { $time }
    { $text }
order-btn-open-number = 查看 { $number }
order-btn-add-info = ➕ 補充信息
order-btn-withdraw = ↩️ 撤回
order-btn-withdraw-yes = 確定撤回
order-btn-view-mine = 查看進度
order-ask-add-info = 請補充訴求 { $number } 的信息（文字、照片或語音）。
order-info-added = 已補充到訴求 { $number }。
order-info-added-moved = 已補充到訴求 { $number }。
    📍 地點已改為 { $place }，由 { $grid } 的工作人員處理。
order-info-added-place = 已補充到訴求 { $number }。工作人員已經在辦理，您說的地點（{ $place }）已轉告他們。
order-ask-withdraw = 確定要撤回訴求 { $number } 嗎？
order-typed-only-matter = 您現在在辦的事只有一件：訴求 { $number }（{ $about }）。
order-typed-named-matter = 您說的是訴求 { $number }（{ $about }）。
order-withdrawn = 訴求 { $number } 已撤回。
order-card-merged = 這件事已和訴求 { $number } 合併辦理，進度會一起通知您。

## Rating

order-rate-satisfied = 😊 滿意
order-rate-basic = 🙂 基本滿意
order-rate-unsatisfied = 😞 不滿意
order-rate-typed = 您是要給訴求 { $number } 打分「{ $score }」嗎？點一下下面對應的按鈕就記下了：
order-rate-typed-none = 謝謝您的反饋！目前沒有等您評價的訴求；事情辦完後，我們會請您打分。
order-rate-points = 您給的是 { $points } { $unit ->
        [star] 星
       *[point] 分
    }{ $out_of ->
        [10] （滿分 10 分）：我們的評價分三檔（8–10 分算滿意，5–7 分算基本滿意，4 分及以下算不滿意）
       *[other] ：我們的評價分三檔（4–5 分算滿意，3 分算基本滿意，1–2 分算不滿意）
    }，所以給訴求 { $number } 記作「{ $score }」。
    對的話點「{ $score }」就記下了；想換一檔，點另一個：
order-rate-comment-kept = 您說的「{ $comment }」會和評價一起記下，不用再說一遍。
order-rate-not-that = 好的，不記「{ $score }」。訴求 { $number } 您覺得辦得怎麼樣？請點下面的按鈕選一個：
order-rate-unclear = 您是要給訴求 { $number } 打分嗎？請點下面的按鈕選一個：滿意、基本滿意，還是不滿意。
order-rated-typed = 好的，按您說的記下了：訴求 { $number } 的評價是「{ $score }」。謝謝！還想說點什麼嗎？可以寫一句，或點「{ common-skip }」。
order-rated-typed-unsatisfied = 按您說的記下了：訴求 { $number } 的評價是「{ $score }」。很抱歉沒讓您滿意，已轉給社區重新辦理。請說說哪裡還不好，或點「{ common-skip }」。
order-rated-typed-comment = 好的，按您說的記下了：訴求 { $number } 的評價是「{ $score }」，您說的話也一起記下了。謝謝！
order-rated-typed-unsatisfied-comment = 按您說的記下了：訴求 { $number } 的評價是「{ $score }」。很抱歉沒讓您滿意，已連同您說的情況轉給社區重新辦理。
order-ask-comment = 謝謝，您的評價已記下！還想說點什麼嗎？可以寫一句，或點「跳過」。
order-ask-comment-unsatisfied = 很抱歉沒讓您滿意，已轉給社區重新辦理。請說說哪裡還不好，或點「跳過」。
order-rate-comment-how = 直接打字說說哪裡還不好就行，比如「燈還是不亮」；不想說就點上面的「{ common-skip }」。
order-rated-choice = 您的評價：{ $score }
# on the rating notice once 不滿意 is tapped: the matter is no longer done
order-rated-choice-reopened = 您的評價：{ $score }（已轉給社區重新辦理）
order-rated-thanks = 感謝您的評價！
order-rated-comment-saved = 謝謝，您的話我們記下了。
order-rated-reopened = 已記下，社區會重新辦理，並盡快聯繫您。
# something typed while a request done lately awaits its score (offer_rating_first)
order-rate-after-done-said = 您是說訴求 { $number }（{ $about }）嗎？它剛辦好，請給這次服務打個分，您剛才說的話會一起轉給社區；不滿意的話社區會重新處理。
    如果說的是另一件事，請點「{ fallback-file-button }」。
order-rate-after-done-ask = { $lead ->
        [done] 太好了！
       *[thanks] 不客氣！
    }訴求 { $number }（{ $about }）已經辦好了，方便的話請給這次服務打個分：
order-rated-reopened-said = 已記下，您說的話也轉給了社區，他們會重新辦理並盡快聯繫您。

## Cards

order-card-title = <b>訴求 { $number }</b> · { $status }
order-card-category = 分類：{ $category }
order-card-place = 地點：{ $place }
order-card-time = 時間：{ $time }
order-card-urgent = 🚨 緊急（{ $reasons }）
order-card-contact = 聯繫人：{ $name } · 電話：{ $phone } · 房號：{ $room }
order-card-contact-no-phone = 聯繫人：{ $name } · 未留電話 · 房號：{ $room }
order-card-phone-from-signup = { $phone }（報到時留的）
order-card-resident-english = 🌐 居民使用英文
order-card-channel = 渠道：{ $channel }
order-card-keywords = 關鍵詞：{ $keywords }
order-card-text = { $text }
order-card-voices = 🎤 語音 { $count } 條（點「📎 附件」收聽）
order-card-declined = 不予受理的原因：{ $reason }
order-card-declined-before = 此前不予受理的原因：{ $reason }
# the time first, then what: a date-time carries its own brackets ('12月9日（週三）19:30'),
# so none around it
order-card-review = 🔁 { $time } 居民申請複核：{ $reason }
order-btn-review = 🔁 申請複核
order-btn-review-typed = 🔁 申請複核（用剛才這段話說明理由）
order-ask-review = 訴求 { $number } 不予受理的原因是：{ $reason }
    如果您認為社區應該再看看，請說說理由，社區工作人員會重新處理（每件訴求可以申請一次複核）：
order-review-asked = 已為訴求 { $number } 申請複核，社區工作人員會重新處理，有進展會告訴您。
order-review-words-please = 請用文字說說為什麼需要社區再看看。照片可以在申請之後，從「📂 我的訴求」→「➕ 補充信息」裡發。
order-review-offer = 您的訴求 { $number } 社區答覆不予受理（原因：{ $reason }）。
    您剛才說的，是想請社區再看看這件事嗎？
order-err-review-used = 訴求 { $number } 已經申請過一次複核了。如有疑問，請直接致電社區。
order-err-review-late = 訴求 { $number } 不予受理已經超過 14 天，不能再申請複核了；可以重新點單，或致電社區。
order-err-review-empty = 請用幾句話說說理由。
order-card-result = 辦理結果：{ $note }
order-card-rating = { $time } 居民評價：{ $score }{ $comment ->
        [none] {""}
       *[other] {" · "}{ $comment }
    }
order-card-rating-mine = { $time } 您的評價：{ $score }{ $comment ->
        [none] {""}
       *[other] {" · "}{ $comment }
    }
order-card-rating-by-phone = （電話回訪{ $staff ->
        [none] {""}
       *[other] ，{ $staff }記錄
    }）
# a rating staff recorded for a resident who left no phone (after a visit): not said to be by phone
order-card-rating-recorded = （{ $staff ->
        [none] 工作人員代為記錄
       *[other] { $staff }代為記錄
    }）
order-btn-phone-rating = 📞 電話回訪
order-ask-phone-rating = 📞 電話回訪訴求 { $number }
    聯繫人：{ $name } · 電話：{ $phone }
    打電話問問居民對結果是否滿意，再點下面記錄居民的評價：
# 📞 電話回訪 for a resident who left no phone: no call to make, what staff can do instead
order-btn-visit-rating = 📝 記錄回訪
order-ask-visit-rating = 📝 回訪訴求 { $number }
    聯繫人：{ $name } · 未留電話 · { $room ->
        [none] 未留房號
       *[other] 房號：{ $room }
    }
    居民沒留電話，可以上門問問居民對結果是否滿意{ $chat ->
        [yes] ；評價請求也已發到居民的聊天裡，居民可以自己點
       *[other] {""}
    }。問過之後，點下面記錄居民的評價：
order-ask-phone-comment = 居民的評價：{ $score }。居民還說了什麼嗎？可以記一句，或點「跳過」。
order-ask-phone-comment-unsatisfied = 居民的評價：{ $score }。請記下居民不滿意的地方（訴求會重新交給社區處理），或點「跳過」。
order-phone-comment-words = 請用文字記下居民說的話，或點「跳過」。
order-phone-rated = 已記錄訴求 { $number } 的電話回訪：{ $score }。
order-phone-rated-reopened = 已記錄訴求 { $number } 的電話回訪：{ $score }。訴求已重新打開，等待處理。
order-visit-rated = 已記錄訴求 { $number } 的回訪：{ $score }。
order-visit-rated-reopened = 已記錄訴求 { $number } 的回訪：{ $score }。訴求已重新打開，等待處理。
order-card-closed-unrated = 回訪期內居民沒有評價，已自動結案。
order-card-closed-unrated-mine = 回訪期內沒有收到您的評價，已自動結案。如果問題還在，請點「{ menu-order-new }」再告訴我們。
order-card-duplicates = ⚠️ 可能與 { $numbers }是同一件事
# each likely duplicate on a card, with how alike the two read (services.triage.duplicates.likeness)
order-card-duplicate-high = { $number }（很像）
order-card-duplicate-mid = { $number }（比較像）
order-card-duplicate-low = { $number }（有點像）
order-card-transfer = 轉辦：{ $unit } · { $time } · 說明：{ $note }
order-card-transfer-answer = 轉辦答覆：{ $answer }
order-card-transfer-progress = { $time } 的最新進展：{ $answer }
order-card-with-unit = 已轉交「{ $unit }」辦理，社區在跟進。
order-card-progress-open = 進展：正在等黨員/志願者接單。
order-card-progress-partial = 進展：已有 { $claimed } 位黨員/志願者接單，還在等 { $left } 位。
order-card-progress-claimed = 進展：黨員/志願者已接單，會盡快聯繫您。
order-card-progress-reported = 進展：已辦完，社區正在驗收。
order-card-transfer-follow-up = 跟進時間：{ $time }
order-merge-candidates = 也可以直接點可能重複的訴求：
order-btn-merge-into = 🔗 併入 { $number }
order-attachment-caption = 訴求 { $number } · { $purpose }

## Staff: queue and triage

order-queue-empty = 目前沒有待受理的訴求。👍
order-queue-title = <b>待辦訴求</b>（共 { $total } 件，第 { $page }/{ $pages } 頁，緊急和最早的在前）
order-queue-line = { $mark } { $number } · { $category } · { $place } · { $time }
    { $text }
# 辦理中: who took it
order-queue-claimants = 接單：{ $names }
order-btn-search = 🔎 查找訴求
order-btn-search-again = 🔎 重新查找
order-search-ask = 要找哪件訴求？請輸入訴求編號（例如 00012）、居民的姓名、電話、房號、樓棟，或訴求裡的字詞（例如「漏水」）：
order-search-empty = 請輸入要查找的內容。
order-search-none = 沒有找到含「{ $words }」的訴求（只查您負責的範圍）。
order-search-title = <b>查找「{ $words }」</b>（共 { $total } 件，第 { $page }/{ $pages } 頁，最新的在前）
order-search-gone = 這次查找的結果已經過期了，請重新查找。
order-btn-open-request = 📄 查看訴求
order-btn-open-order = 查看工單 { $number }
order-btn-attachments = 📎 附件（{ $count }）
order-btn-issue = 📤 派單
order-btn-handle = 🙋 直接辦理
order-btn-transfer = ↗️ 轉辦
order-btn-merge = 🔗 合併
order-btn-decline = ❌ 不受理
order-btn-category = 🏷 改分類
order-btn-staff-place = 📍 改地點
order-btn-mark-urgent = 🚨 標為緊急
order-btn-unmark-urgent = 取消緊急
order-btn-close = ✔️ 結案
order-btn-result = 📝 填寫結果
order-btn-answer = 📥 記錄回覆
order-btn-needed = 👥 { $count } 人
order-btn-points = ⭐ { $points } 積分
order-btn-hours = ⏰ { $hours } 小時
order-btn-edit-title = ✏️ 改標題
order-btn-publish = ✅ 發布工單
order-btn-solved = 已解決
order-btn-not-solved = 未解決，退回
order-btn-in-progress = ⏳ 還在辦，繼續跟進
order-issue-title = <b>為訴求 { $number } 派單</b>
order-issue-name = 標題：{ $title }
order-issue-skills = 需要的技能：{ $skills }
order-issue-any-skill = 不限
order-issue-matching = 符合條件的黨員/志願者：{ $count } 位
order-issue-nobody = ⚠️ 目前沒有人符合條件，發布後沒人能看到。可以點「不限技能」或「改為全社區」。
order-btn-any-skill = 🧰 不限技能
order-btn-skills-default = 🧰 按分類要求技能
order-issue-deadline = 辦理時限：{ $hours } 小時
order-issue-deadline-at = 辦理時限：{ $time }
order-issue-deadline-days = 辦理時限：{ $hours } 小時（{ $days } 天）
order-issue-deadline-minutes = 辦理時限：{ $hours } 小時 { $minutes } 分鐘
order-issue-deadline-word = 辦理時限：{ $time }（「{ $word }」按 { $clock } 算；不是這個點的話，直接輸入時間，例如「明天17:30前」）
order-issue-needed = 需要人數：{ $count }
order-issue-points = 積分：{ $points }
order-ask-title = 請輸入工單標題（60 字以內）：
order-title-set = ✓ 標題已更新。下面是工單的樣子，確認無誤請點「{ order-btn-publish }」。
order-title-cut = ✓ 標題已更新（超過 60 字，後面的部分已省去）。下面是工單的樣子，確認無誤請點「{ order-btn-publish }」。
order-issued = ✅ 工單 { $number } 已發布，已通知 { $count } 位黨員/志願者。
order-issued-nobody = ⚠️ 本社區沒有黨員/志願者具備這張工單要求的技能（或服務這個網格），目前沒有人能看到它。可以發給全社區所有黨員/志願者。
order-issued-too-few = ⚠️ 這張工單需要 { $need } 人，但具備技能（或服務這個網格）的只有 { $count } 人，可能湊不齊。可以發給全社區所有黨員/志願者。
order-btn-offer-all = 📣 發給全社區所有黨員/志願者
order-offered-all = ✅ 工單 { $number } 已不限技能和網格，已通知 { $count } 位黨員/志願者。
order-offered-all-none = ⚠️ 工單 { $number } 已不限技能和網格，但本社區還沒有已通過報到的黨員/志願者。請社區直接辦理或轉辦。
order-issue-nobody-grid = ⚠️ 本網格目前沒有人符合條件，發布後沒人能看到。可以點「不限技能」；要派給全社區，請聯繫社區工作人員。
order-issued-nobody-grid = ⚠️ 本網格沒有黨員/志願者具備這張工單要求的技能，目前沒有人能看到它。可以不限技能，發給本網格所有黨員/志願者。
order-issued-too-few-grid = ⚠️ 這張工單需要 { $need } 人，但本網格具備技能的只有 { $count } 人，可能湊不齊。可以不限技能，發給本網格所有黨員/志願者。
order-btn-offer-all-grid = 📣 發給本網格所有黨員/志願者
order-offered-grid = ✅ 工單 { $number } 已不限技能，已通知本網格 { $count } 位黨員/志願者。
order-offered-grid-none = ⚠️ 工單 { $number } 已不限技能，但本網格還沒有已通過報到的黨員/志願者。可以請社區工作人員派給全社區，或直接辦理、轉辦。
order-err-grid-only = 您是網格員，工單只能派給您負責網格的黨員/志願者。要派給全社區，請聯繫社區工作人員。
order-offers-held = 🌙 現在是夜間免打擾時段：其中 { $count } 位會在 { $time } 收到這張工單。
# under order-issued at night: the resident's 已派單 notice is held too (lead: no 🌙 line above)
order-issued-resident-night = { $lead ->
        [yes] 🌙 現在是夜間免打擾時段：居民
       *[no] 居民
    }會在 { $at } 收到已派單的消息。
order-handling = 訴求 { $number } 由您直接辦理，辦完後請點「📝 填寫結果」。
order-ask-transfer-unit = 訴求 { $number } 轉辦給哪個單位？請輸入單位名稱：
order-transfer-recent = 以前轉辦過的單位，點一下就行（也可以直接輸入）：
order-transfer-chosen = 轉辦給：{ $unit }
order-ask-transfer-note = 有什麼需要說明的嗎？可以寫一句，或點「跳過」。
order-transferred = 訴求 { $number } 已轉辦，{ $time } 會提醒您跟進。
order-ask-answer = 請輸入承辦單位對訴求 { $number } 的答覆：
order-ask-answer-solved = 答覆：{ $answer }
    問題解決了嗎？（答覆要改的話，直接重新輸入即可）
order-answer-recorded = 已記錄訴求 { $number } 的答覆並告知居民。
# the *-night texts: quiet hours hold the resident's notice till { $at }
order-answer-recorded-night = 已記錄訴求 { $number } 的答覆。現在是夜間免打擾時段，居民會在 { $at } 收到。
order-progress-recorded = 已記錄訴求 { $number } 的進展並告知居民，{ $time } 會再提醒您跟進。
order-progress-recorded-night = 已記錄訴求 { $number } 的進展，{ $time } 會再提醒您跟進。現在是夜間免打擾時段，居民會在 { $at } 收到。
order-ask-merge = 訴求 { $number } 要合併到哪件訴求？請輸入它的編號：
order-merged = 訴求 { $number } 已併入訴求 { $into }，居民會跟著 { $into } 收到進度。
# under order-merged when the two are not in the same building
order-merged-apart = ⚠️ 這兩件訴求不在同一棟樓：{ $number } 在 { $here }，{ $into } 在 { $there }。請確認說的是同一件事。
order-ask-decline = 請寫明不受理訴求 { $number } 的原因（會告訴居民）：
order-declined = 訴求 { $number } 已不予受理，原因已告訴居民。
order-declined-night = 訴求 { $number } 已不予受理。現在是夜間免打擾時段，居民會在 { $at } 收到原因。
order-decline-repeats = 聽起來訴求 { $number } 和另一件是同一件事，可以把它併入那件：居民會跟著那件收到進度，不算不受理。
    請點下面要併入的訴求；確實要不受理，點「{ order-btn-decline-anyway }」。
order-decline-repeats-none = 聽起來訴求 { $number } 和另一件重複了，但沒找到那件還在辦理中的訴求。
    要併入的話，請輸入那件訴求的編號（例如 00003）；確實要不受理，點「{ order-btn-decline-anyway }」。
order-btn-merge-into-matter = 🔗 併入 { $number }（{ $what }）
order-btn-decline-anyway = ❌ 仍然不受理
order-ask-result = 請寫一下訴求 { $number } 的辦理結果（可附一張照片）：
order-result-sent = 訴求 { $number } 的結果已發給居民評價。
order-result-sent-night = 訴求 { $number } 的結果已記下。現在是夜間免打擾時段，居民會在 { $at } 收到結果並評價。
order-closed = 訴求 { $number } 已結案。
order-closed-night = 訴求 { $number } 已結案。現在是夜間免打擾時段，居民會在 { $at } 收到。
order-category-changed = 訴求 { $number } 的分類已改為「{ $category }」。
order-category-same = 訴求 { $number } 本來就是「{ $category }」，沒有改動。
order-choose-place = 訴求 { $number } 現在的地點：{ $place }。請選擇正確的樓棟；不在哪棟樓（馬路、廣場、大門外等）的，點「🌳 公共區域」：
order-place-changed = 訴求 { $number } 的地點已改為 { $place }（{ $grid }）。
order-place-same = 訴求 { $number } 本來就在 { $place }，沒有改動。
# 📍 改地點 → a public area of the community: no building; a grid to follow it (or none), then
# staff's words for where
order-place-public-area = 公共區域
# not shown: which names of a place (community, grid, building) this language reads
place-names-in = zh
order-btn-place-public = 🌳 公共區域（不在樓棟）
order-choose-place-grid = 把訴求 { $number } 放在社區的公共區域（不在樓棟）。由哪個網格跟進？不屬於哪個網格的，點「不分網格」，由全社區的工作人員處理。
order-btn-place-no-grid = 不分網格（全社區）
order-ask-public-area = 訴求 { $number } 在公共區域的哪裡（由 { $grid } 跟進）？請輸入地點，例如「東門外馬路」（{ $limit } 字以內）；不用寫就點「跳過」。
# staff marked a request urgent (answer to the tap, at most 200 characters)
order-urgency-marked = 訴求 { $number } 已標為緊急，排在待辦最前。{ $alerted ->
        [0] {""}
       *[other] 已提醒網格的 { $alerted } 位社區工作者。
    }{ $released ->
        [0] {""}
       *[other] 夜間暫緩的 { $released } 條工單通知已立即發給黨員。
    }
order-urgency-unmarked = 訴求 { $number } 已取消緊急，不會打擾任何人。
# the tap found it already so: a colleague came first
order-urgency-already-urgent = 訴求 { $number } 剛剛已被其他同事標為緊急。
order-urgency-already-not-urgent = 訴求 { $number } 剛剛已被其他同事取消緊急。
order-btn-queue-active = 🔄 辦理中的事項
order-btn-queue-waiting = 📋 待受理
order-active-empty = 目前沒有辦理中的事項。
order-active-title = <b>辦理中的事項</b>（共 { $total } 件，第 { $page }/{ $pages } 頁）
order-btn-queue-verify = ✅ 待驗收（{ $count }）
order-verify-title = <b>待驗收的結果</b>（共 { $total } 件，第 { $page }/{ $pages } 頁）：黨員/志願者已上報完成，請查看結果後驗收或退回
order-verify-empty = 目前沒有待驗收的結果。
order-verify-mark = 待驗收
# past their deadline and still open (as /stats counts 超期): the longest overdue first
order-btn-queue-overdue = ⏰ 超期（{ $count }）
order-overdue-title = <b>超期的事項</b>（共 { $total } 件，第 { $page }/{ $pages } 頁，超期最久的在前）
order-overdue-empty = 目前沒有超期的事項。👍
order-overdue-hours = 超期 { $count } 小時
order-overdue-days = 超期 { $count } 天
order-issue-area-grid = 派給：本網格的黨員/志願者
order-issue-area-all = 派給：全社區的黨員/志願者
order-btn-area-all = 🗺 改為全社區
order-btn-area-grid = 🗺 改為本網格

## Staff: filing for a resident

order-behalf-building = 居民住在哪棟樓？（不在樓棟的事，如馬路、廣場、小區門口，點「{ order-btn-place-public }」。）
order-behalf-community = 居民住在哪個社區？
order-behalf-building-in = { $community }：居民住在哪棟樓？（不在樓棟的事，如馬路、廣場、小區門口，點「{ order-btn-place-public }」。）
order-btn-behalf-communities = ↩️ 換個社區
order-behalf-building-refused = 這棟樓不在您負責的範圍內，請從列表裡選。
order-behalf-building-read = 已記下：{ $building }。
    { order-behalf-channel }
order-behalf-building-room-read = 已記下：{ $building }，房號 { $room }（不用再輸入房號）。
    { order-behalf-channel }
order-behalf-building-not-read = 沒有找到「{ $said }」這棟樓。{ $community }的樓棟有：{ $names }。請點下面的按鈕選擇，或輸入樓號，如“2號樓”“2號樓501”。
order-behalf-building-matter-no-building = 您寫的「{ $said }」記作居民反映的事情，最後不用再輸入。
order-behalf-place-or-matter = 「{ $said }」是小區或樓棟的名稱，還是居民反映的事情？請點下面選擇：
order-btn-behalf-is-place = 🏠 是小區/樓棟名稱
order-btn-behalf-is-matter = 📝 是反映的事情
order-behalf-building-which = 這件事在哪棟樓？{ $community }的樓棟有：{ $names }。請點下面的按鈕選擇，或輸入樓號，如“2號樓”“2號樓501”。
order-behalf-building-not-yours = { $building }不在您負責的範圍內。您可以登記的樓棟有：{ $names }。請點下面的按鈕選擇，或輸入其中一棟的樓號。
order-behalf-community-not-read = 沒有讀出是哪個社區的哪棟樓。請點下面的按鈕選擇社區，或連同社區一起輸入，如“{ $example }2號樓501”。
order-behalf-public-area = 在小區公共區域的哪裡？請輸入地點，例如「東門外馬路」（{ $limit } 字以內）；不用寫就點「{ common-skip }」。
order-behalf-channel = 居民是怎麼反映的？
order-behalf-room = 房號是多少？（可跳過）
order-behalf-phone = 聯繫電話？（可跳過）
order-behalf-phone-invalid = 電話號碼格式不對。請輸入手機號或座機號（如 13900000001、021-12345678），沒有的話點「{ common-skip }」。
order-behalf-name = 居民怎麼稱呼？（如 王奶奶、李先生；可跳過）
order-behalf-name-invalid = 稱呼只能是文字，如“王奶奶”“李先生”，最多 30 個字。沒有的話點「{ common-skip }」。
order-behalf-name-matter-kept = 這像是居民反映的事情，已經先記下了，下一步不用再輸入。請先寫居民的稱呼，如“王奶奶”“李先生”；沒有的話點「{ common-skip }」，就直接登記。
order-behalf-building-matter-kept = 您寫的「{ $said }」記作居民反映的事情，最後不用再輸入：填完稱呼（或跳過）就登記。
order-behalf-name-matter-waiting = 反映的事情已記下：「{ $said }」。寫好稱呼或點「{ common-skip }」就登記。
order-behalf-text = 請輸入居民反映的事情：
order-behalf-filed = ✅ 已代為登記，編號 <b>{ $number }</b>。
order-behalf-cancelled = 已取消代居民登記，沒有登記任何訴求。

## Members: claims

order-open-empty = 暫時沒有適合您的工單。有新工單會第一時間通知您。
order-open-title = <b>可接工單</b>（共 { $total } 件，第 { $page }/{ $pages } 頁）
order-open-line = { $urgent ->
        [yes] 🚨 緊急 · {""}
       *[other] {""}
    }{ $number } · { $title }
    { $gist ->
        [none] {""}
       *[other] 「{ $gist }」{"\u000A"}
    }{ $place } · 時限 { $deadline } · 已接 { $taken }/{ $needed }
# a line of 可接工單 once the order is no longer to claim from it (services.open_lists)
order-open-line-state = { $state ->
        [mine] ✅ 您已接下，在「{ menu-order-claims }」裡
        [carded] ⬇️ 詳情已在下方打開，接單請點那條裡的「{ order-btn-claim }」
        [resent] ⬇️ 又在等人接了，另發一條新消息給您（夜裡的話早上發），接單請點那條裡的「{ order-btn-claim }」
        [full] ✅ 已接滿
       *[closed] { $why ->
            [done] ✅ 已經有人辦完了
            [direct] 🏢 已由社區直接辦理
            [transferred] 🏢 已轉交其他單位辦理
            [merged] 🔗 已併入同一件事的訴求
            [declined] ⛔ 社區已不再辦理
            [closed] ⛔ 已關閉
            [reissued] 🔄 已取消，社區已重新派單
           *[other] ⛔ 已取消
        }
    }
order-btn-claim = ✋ 接單
order-btn-claim-number = ✋ 接 { $number }
order-btn-details = 詳情
order-order-title = <b>工單 { $number }</b> · { $title } · { $status }
order-order-claims = 已接 { $taken }/{ $needed } 人 · 積分 { $points }
order-order-claimants = 接單人：{ $names }
order-contact-after-claim = 接單後可以看到居民的聯繫電話和房號。
order-claimed-short = 接單成功！
order-claimed = ✅ 您已接下工單 { $number }。請盡快聯繫居民，辦完後點「✅ 完成上報」。
# the resident left no phone: how the claimant reaches them (order-reach-*)
order-claimed-no-phone = ✅ 您已接下工單 { $number }。{ $how }辦完後點「✅ 完成上報」。
order-card-no-phone = 沒有留
order-reach-visit = 📵 居民沒有留電話：請直接到 { $where } 當面聯繫，或請{ $staff }幫忙聯繫居民。
order-reach-ask-staff = 📵 居民沒有留電話和房號：請{ $staff }幫忙聯繫居民。
order-reach-staff-named = 社區工作人員{ $name }
order-reach-staff = 社區工作人員
order-claims-empty = 您目前沒有進行中的工單。
order-claims-title = <b>我的工單</b>（{ $count } 件）
order-claims-line = { $number } · { $title } · { $status } · 時限 { $deadline }
order-btn-report-done = ✅ 完成上報
# a member typed '修好了' instead of tapping 完成上報
order-typed-done-one = 工單 { $number }（{ $title }）辦完了嗎？請點下面的「✅ 完成上報」，寫幾句辦理情況，有照片可以附上。
order-typed-done-which = 您手上有 { $count } 件工單，是哪一件辦完了？點那一件的按鈕上報。
order-btn-report-done-of = ✅ { $number } { $title }
order-typed-told-which = 您說的「{ $note }」是哪一件工單辦完了？您手上有 { $count } 件，點那一件的按鈕，這段話就作為它的完成上報，確認後再發出。
# a report told at length by a member with one order in hand: the report begun with it, to confirm
order-report-typed = 工單 { $number }（{ $title }）的完成上報，{ $note ->
        [none] 已收到照片 { $photos } 張
       *[other] 已記下您說的：「{ $note }」{ $photos ->
            [0] {""}
           *[other] ，照片 { $photos } 張
        }
    }
    { $note ->
        [none] 請再寫一句做了什麼，照片可以繼續發；寫好後點「{ order-btn-finished }」上報。
       *[other] 有照片可以現在發來，還可以補充文字；確認上報請點「{ order-btn-finished }」。
    }不是要上報的話點「{ common-cancel }」，什麼也不會發出。
order-btn-report-photo-of = ✅ 完成上報：{ $number }
order-photo-report-hint = 如果這是您手上工單辦完的照片，點「✅ 完成上報」，照片會放進那件工單的完成上報，您確認後才發出。
# a member asked not to be sent work for a while ('我這周出差，先別派給我')
order-pause-held = 您手上還有 { $count } 件工單。辦不了的話，點下面那一件的「↩️ 放棄」，寫一句原因，社區會另外安排人。
# a member asked about an order in words ('這個單在哪', '幾點之前要做完', '居民電話多少')
order-asked-one = 工單 { $number }（{ $title }）的地點、時限和居民的聯繫方式都在下面這張卡片上：
order-asked-which = 您手上有 { $count } 件工單，地點、時限和居民的聯繫方式都在下面各自的卡片上：
order-asked-none = 您手上還沒有接下的工單。{ $asked ->
        [contact] 居民的電話和房號，接單後才會顯示在工單卡片上。
       *[other] {""}
    }可接工單的地點和時限都寫在「{ menu-order-open }」裡。
order-btn-release = ↩️ 放棄工單
# 💬 告訴社區: a member holding an order tells its staff how it goes (no state change)
order-btn-tell = 💬 告訴社區
order-btn-tell-of = 💬 告訴社區：{ $number }
order-ask-note = 工單 { $number } 有什麼情況要告訴社區？請寫一兩句，例如「敲門沒人在家」「需要換零件，明天再來」，社區工作人員會收到。
order-note-passed = ✅ 已轉告社區（工單 { $number }），也記進了台賬。
order-typed-note-hint = 如果這是您手上工單的情況（比如「敲門沒人在家」），點「💬 告訴社區」，這句話會原樣轉給社區工作人員。
order-claim-ended = 工單 { $number } { $how ->
        [reassigned] 已由社區改派給其他人
        [released] 已經由您放棄了
        [done] 已經驗收了
        [cancelled] 已經撤銷了
       *[other] 已經不在您手上了
    }，這一步不能再做了。謝謝您！
order-note-closed = 工單 { $number } { $status ->
        [done] 已經上報完成，正在等待驗收
        [verified] 已經驗收了
        [cancelled] 已經撤銷了
       *[other] 已經不在您手上了
    }，不能再通過它告訴社區了。有事請直接聯繫社區工作人員。
order-ask-release = 為什麼要放棄工單 { $number }？請寫一句原因：
order-released = 已放棄工單 { $number }，會重新派給其他人。
order-btn-reassign = 🔁 改派（{ $name }）
order-btn-cancel-order = ✖️ 撤銷工單
order-ask-cancel-order = 撤銷工單 { $number } 的原因：
order-cancelled = 工單 { $number } 已撤銷，訴求回到待辦列表。
order-reassign-none = 沒有其他可以改派的黨員/志願者。
order-reassign-choose = 改派給誰？
order-reassigned = 工單 { $number } 已改派給 { $name }。

## Results (曬單)

order-ask-report = 請寫一下工單 { $number } 做了什麼，可以附上照片。寫完點「✅ 說完了」。
order-ask-report-again = 請重新寫一下工單 { $number } 做了什麼，可以補發照片。寫完點「✅ 說完了」。
# after 退回, under the question or the report begun in words: the last report, its photos kept
order-report-last = 上次上報寫的是：「{ $note }」{ $photos ->
        [0] {""}
       *[other] ，照片 { $photos } 張會保留，不用再發
    }。這次寫的文字會替換上次的，請寫完整。
# a report begun before and left (取消, a menu button, another form): what it held, to go on
order-ask-report-draft = 工單 { $number } 的完成上報，接著上次沒寫完的繼續：
    { $note ->
        [none] 還沒有寫文字
       *[other] 已寫：「{ $note }」
    }{ $photos ->
        [0] {""}
       *[other] ，照片 { $photos } 張
    }
    可以繼續補充文字或照片，寫完點「{ order-btn-finished }」；想從頭寫，點「{ order-btn-report-restart }」。
order-btn-report-restart = 🗑 重新寫
order-report-kept = 已取消。寫好的內容已經為您保存，再點工單上的「{ order-btn-report-done }」就能接著寫。
order-report-cancel-meant = 不上報了的話，請點下方的「{ common-cancel }」，寫好的內容會為您保存。要接著寫就直接發文字或照片，寫完點「{ order-btn-finished }」。
order-ask-report-text = 請先用文字說明辦理情況。
order-reported = ✅ 工單 { $number } 已上報，等待社區驗收。
# the card whose 完成上報 was tapped, once reported (without the button)
order-card-reported = ⏳ 已上報完成情況，等待社區驗收。
order-card-replaced = （工單 { $number } 的卡片已在下面重新打開，請看下面最新的一張。）
order-request-card-replaced = （訴求 { $number } 的卡片已在下面重新打開，請看下面最新的一張。）
# an older card's 完成上報 tapped after the order was reported (alert)
order-report-already = 工單 { $number } 已經上報過了，正在等待社區驗收。
order-btn-verify = ✅ 驗收通過
order-btn-result-photos = 🖼 查看照片
order-btn-send-back = ↩️ 退回
order-verified = ✅ 工單 { $number } 已驗收，積分已發放，結果已請居民評價。
order-verified-night = ✅ 工單 { $number } 已驗收，積分已發放。現在是夜間免打擾時段，居民會在 { $at } 收到結果並評價。
order-ask-send-back = 工單 { $number } 還差什麼？請寫一句（會發給接單人）：
order-sent-back = 工單 { $number } 已退回給接單人。
order-verify-taken = 工單 { $number } 已經不在待驗收了：{ $name } { $how ->
        [verify] 已驗收通過
        [send_back] 已退回給接單人
        [cancel] 已撤銷了工單
       *[other] 已處理過
    }。
# a colleague's 請驗收 notice once the result was checked: under its words, without buttons
order-verify-decided = { $how ->
        [verify] ✅ { $name } 已於 { $time } 驗收通過
        [send_back] ↩️ { $name } 已於 { $time } 退回給接單人
       *[other] { $name } 已於 { $time } 處理過
    }，不用再驗收了。
order-send-back-reason-dropped = 您寫的原因沒有發出：{ $reason }
order-card-sent-back = ↩️ 已退回給接單人，原因：{ $reason }
order-sent-back-menu = 已通知接單人補充。

## Notices to others

# what the resident attached to a new request, under its words on staff's notice of it
# ($photos, $voices: how many; the line is left out when both are 0)
order-notice-attached = { $photos ->
        [0] {""}
       *[other] 📷 { $photos } 張照片
    }{ $photos ->
        [0] {""}
       *[other] { $voices ->
            [0] {""}
           *[other] {" · "}
        }
    }{ $voices ->
        [0] {""}
       *[other] 🎤 { $voices } 條語音
    }
order-notice-new = 📥 新訴求 { $number } · { $category }
    { $place }
    { $text }{ $photos ->
        [0] { $voices ->
            [0] {""}
           *[other] {"\u000A"}{ order-notice-attached }
        }
       *[other] {"\u000A"}{ order-notice-attached }
    }
order-notice-urgent = 🚨 緊急訴求 { $number } · { $category }！請立即處理。
    { $place }
    { $text }{ $photos ->
        [0] { $voices ->
            [0] {""}
           *[other] {"\u000A"}{ order-notice-attached }
        }
       *[other] {"\u000A"}{ order-notice-attached }
    }
order-notice-info-added = 訴求 { $number } 有居民補充的信息。
order-notice-info-added-place = 訴求 { $number } 有居民補充的信息：居民說地點在 { $place }（登記的地點是 { $before }），請核實。
order-notice-info-added-moved = 📍 訴求 { $number } 有居民補充的信息：地點改為 { $place }（原為 { $before }），歸 { $grid }。
order-notice-moved-away = 📍 訴求 { $number } 的居民補充說地點在 { $place }（原為 { $before }），已改由 { $grid } 處理，您不用再跟進。
order-card-moved-away = 📍 訴求 { $number } 已改由 { $grid } 處理（地點：{ $place }，原為 { $before }）。
order-notice-place-moved = 📍 訴求 { $number } 的地點已由工作人員改為 { $place }（原為 { $before }），歸 { $grid }。
order-notice-place-moved-away = 📍 訴求 { $number } 的地點已由工作人員改為 { $place }（原為 { $before }），已改由 { $grid } 處理，您不用再跟進。
order-notice-moved-in = 📍 轉來的訴求 { $number } · { $category }（原在 { $before }，現歸 { $grid }），請接著跟進。當前狀態：{ $status ->
        [reopened] 重新辦理
        [ordered] 已派單
        [handling] 社區辦理中
        [transferred] 已轉辦
       *[other] 待受理
    }
    { $place }
    { $text }
order-notice-place-changed = 📍 您的訴求 { $number } 的地點已由社區工作人員更正為 { $place }，由 { $grid } 的工作人員處理。
order-notice-info-added-member = 📎 工單 { $order }（訴求 { $number }）的居民補充了信息：{ $has_note ->
        [yes] { $note }
       *[no] {""}
    }{ $photos ->
        [0] {""}
       *[other] （附照片，見圖）
    }{ $voice ->
        [yes] （一條語音，可請社區工作人員轉述）
       *[no] {""}
    }
order-notice-ordered = 您的訴求 { $number } 已受理，社區已派單，正在安排人員。
order-notice-handling = 您的訴求 { $number } 已受理，由社區工作人員直接辦理。
order-notice-transferred = 您的訴求 { $number } 已轉交「{ $unit }」辦理，我們會跟進。
order-notice-transfer-progress = 您的訴求 { $number } 有了進展：{ $answer }
    還在辦理中，辦好後會告訴您。
order-notice-transfer-answer = 訴求 { $number } 有了答覆：{ $answer }
order-notice-merged = 您的訴求 { $number } 已和訴求 { $target } 合併辦理，進度會一起通知您。
order-notice-declined = 很抱歉，您的訴求 { $number } 不予受理。原因：{ $reason }{ $phone ->
        [none] {""}
       *[other] {"\u000A"}如有疑問，可以致電社區：{ $phone }
    }
    如果您認為社區應該再看看，可以點「查看進度」→「🔁 申請複核」，說說理由。
order-notice-closed = 您的訴求 { $number } 已結案。
order-notice-claimed = 您的訴求 { $number } 已有黨員/志願者接單，他們會盡快聯繫您。
order-notice-offer = { $urgent ->
        [yes] 🚨 緊急 · {""}
       *[other] {""}
    }🛠 新工單 { $number }：{ $title }
    { $gist ->
        [none] {""}
       *[other] 「{ $gist }」{"\u000A"}
    }📍 { $place }
    { $due ->
        [none] {""}
       *[other] ⏰ 時限 { $due } · {""}
    }⭐ { $points } 積分 · 還需 { $need } 人
    需要的話點「✋ 接單」。
order-notice-offer-again = { $urgent ->
        [yes] 🚨 緊急 · {""}
       *[other] {""}
    }🛠 工單 { $number }（{ $title }）還在等人接，您能幫忙嗎？
    { $gist ->
        [none] {""}
       *[other] 「{ $gist }」{"\u000A"}
    }📍 { $place }
    { $due ->
        [none] {""}
       *[other] ⏰ 時限 { $due } · {""}
    }⭐ { $points } 積分 · 還需 { $need } 人
order-notice-offer-resent = 🛠 工單 { $number }：{ $title }
    📍 { $place }
    ⬇️ 又在等人接了，另發了一條新消息給您{ $urgent ->
        [yes] {""}
       *[other] （夜裡的話早上發）
    }，請在最新的那條裡點「✋ 接單」。
order-notice-offer-carded = 🛠 工單 { $number }：{ $title }
    📍 { $place }
    ⬇️ 您已經在下面打開了這張工單的詳情，要接單請在那條裡點「{ order-btn-claim }」。
order-notice-offer-filled = 🛠 工單 { $number }：{ $title }
    { $gist ->
        [none] {""}
       *[other] 「{ $gist }」{"\u000A"}
    }📍 { $place }
    ✅ 已經有人接下，人已滿，不用再接了。謝謝您！
order-notice-offer-reopened = { $urgent ->
        [yes] 🚨 緊急 · {""}
       *[other] {""}
    }🛠 工單 { $number }：{ $title }
    { $gist ->
        [none] {""}
       *[other] 「{ $gist }」{"\u000A"}
    }📍 { $place }
    { $due ->
        [none] {""}
       *[other] ⏰ 時限 { $due } · {""}
    }⭐ { $points } 積分 · 還需 { $need } 人
    🔄 這張工單又可以接了，需要的話點「✋ 接單」。
order-notice-offer-mine = 🛠 工單 { $number }：{ $title }
    📍 { $place }
    ✅ 這個工單您已經接下了，點「詳情」查看。
order-notice-offer-closed = 🛠 工單 { $number }：{ $title }
    📍 { $place }
    { $why ->
        [done] ✅ 已經有人辦完了
        [direct] 🏢 已由社區直接辦理
        [transferred] 🏢 已轉交其他單位辦理
        [merged] 🔗 已併入同一件事的訴求
        [declined] ⛔ 社區已不再辦理
        [closed] ⛔ 已關閉
        [reissued] 🔄 已取消，社區已重新派單
       *[other] ⛔ 已取消
    }，不用再接了。謝謝您！
order-notice-offer-moved = 🛠 工單 { $number }：{ $title }
    📍 地點已更正為 { $place }，不在您的服務區域，不用再接了。謝謝您！
order-notice-staff-claimed = 工單 { $number }（{ $title }）已接滿。
order-notice-released = 工單 { $number }：{ $name } 放棄了，原因：{ $reason }。已重新派給 { $count } 位黨員/志願者。
order-notice-released-nobody = ⚠️ 工單 { $number }：{ $name } 放棄了，原因：{ $reason }。沒有其他符合條件的黨員/志願者，目前沒有人能看到它；可以發給全社區所有黨員/志願者。
order-notice-partner-released = 工單 { $number }：和您一起接單的 { $name } 放棄了，現在由您接著辦；{ $offered ->
        [yes] 工單已重新發出，等另一位接單。
       *[other] 社區會再找人一起辦。
    }
order-notice-assigned = 社區把工單 { $number }（{ $title }）交給了您。
order-notice-unassigned = 工單 { $number }（{ $title }）已改派給其他人，謝謝您。
order-notice-co-done = 工單 { $number }（{ $title }）：{ $name } 已上報完成，等待社區驗收。
order-notice-member-note = 💬 工單 { $number }（{ $title }）· 接單人 { $name }：{ $note }
order-notice-verify = 工單 { $number }（{ $title }）已完成，請驗收。
    辦理情況：{ $note }
    { $photos ->
        [0] 照片：沒有附照片
       *[other] 照片：{ $photos } 張
    }
order-notice-verify-reminder = ⏰ 工單 { $number }（{ $title }）報告完成已經一天了，還沒有驗收，請盡快驗收。
    辦理情況：{ $note }
    { $photos ->
        [0] 照片：沒有附照片
       *[other] 照片：{ $photos } 張
    }
order-notice-result = ✅ 您的訴求 { $number } 已辦好：{ $answer }
    請給這次服務打個分：
order-notice-result-follower = ✅ 您反映的訴求 { $number }（和訴求 { $target } 合併辦理）已辦好：{ $answer }
    這件事隨合併的訴求一起辦結。如果還有問題，請點「{ menu-order-new }」再告訴我們。
order-notice-rate-reminder = 訴求 { $number } 已經辦好了，您滿意嗎？請點下面的按鈕評價。
# a rating notice once the result was rated (here or on the request's card): no buttons
order-notice-result-rated = ✅ 您的訴求 { $number } 已辦好：{ $answer }
    { order-rated-line }
order-notice-transfer-answer-rated = 訴求 { $number } 有了答覆：{ $answer }
    { order-rated-line }
order-notice-transfer-answer-closed-unrated = 訴求 { $number } 有了答覆：{ $answer }
    { order-closed-unrated-line }
order-notice-rate-reminder-rated = 訴求 { $number } 已經辦好了。
    { order-rated-line }
order-rated-line = { $score ->
    [satisfied] 您的評價：{ order-rate-satisfied }
    [basic] 您的評價：{ order-rate-basic }
   *[unsatisfied] 您的評價：{ order-rate-unsatisfied }（已轉給社區重新辦理）
}
# a rating notice once the follow-up window passed without a rating: no buttons
order-notice-result-closed-unrated = ✅ 您的訴求 { $number } 已辦好：{ $answer }
    { order-closed-unrated-line }
order-notice-rate-reminder-closed-unrated = 訴求 { $number } 已經辦好了。
    { order-closed-unrated-line }
order-closed-unrated-line = 回訪期內沒有收到您的評價，這件訴求已自動結案，不能再評價了。如果問題還在，或有意見想告訴社區，請點「{ menu-order-new }」再告訴我們。
order-notice-sent-back = 工單 { $number } 被退回：{ $note }
    補好後請點「✅ 完成上報」再次上報。
order-notice-verified = 🎉 工單 { $number } 已驗收，您獲得 { $points } 積分。謝謝您！
order-notice-cancelled = 工單 { $number } 已被社區撤銷：{ $reason }
order-notice-reopened = ⚠️ 居民對訴求 { $number } 不滿意：{ $comment }。請重新辦理。
order-notice-reopened-no-reason = ⚠️ 居民對訴求 { $number } 不滿意（原因稍後補充）。請重新辦理。
order-notice-reopened-reason = 訴求 { $number } 的居民說明了不滿意的原因：{ $comment }
order-notice-reopened-complaint = 📣 訴求 { $number } 的居民投訴（已記入台賬，未轉給本人），說明了不滿意的原因：{ $comment }
order-notice-escalated = ⚠️ 工單 { $number }（{ $title }）長時間沒人接，請社區安排。
order-notice-unanswered = ⏰ 訴求 { $number } 還沒有人受理，請盡快處理。
order-notice-deadline-near = ⏰ 工單 { $number }（{ $title }）快到辦理時限了{ $due ->
        [none] {""}
       *[other] ：{ $due }
    }。請抓緊，辦完了請點「{ order-btn-report-done }」。
order-notice-deadline-near-staff = ⏰ 工單 { $number }（{ $title }）快到時限了，還沒有人接單。
order-notice-overdue = ⏰ 工單 { $number }（{ $title }）已超過辦理時限。
order-notice-overdue-member = ⏰ 您接的工單 { $number }（{ $title }）已超過時限{ $due ->
        [none] {""}
       *[other] ，時限是 { $due }
    }。請盡快辦理或聯繫社區：辦完了點「{ order-btn-report-done }」，有難處點「{ order-btn-tell }」說一聲。
order-notice-transfer-follow-up = ⏰ 訴求 { $number } 轉辦給「{ $unit }」後還沒有答覆，請跟進。
order-notice-transfer-still-open = ⏰ 訴求 { $number } 轉辦給「{ $unit }」，上次的進展：{ $answer }
    還沒有辦好，請再跟進。
order-notice-review-asked = 🔁 居民對訴求 { $number } 申請複核（此前不予受理：{ $declined }）
    理由：{ $reason }
order-public-card = <b>📣 組織曬單</b>{ $status ->
        [reopened] {"\u000A"}🔁 更新：居民對辦理結果不滿意，社區正在重新辦理。
        [satisfied] {"\u000A"}✅ 更新：社區重新辦理後，居民表示滿意。
        [basic] {"\u000A"}✅ 更新：社區重新辦理後，居民表示基本滿意。
        [closed] {"\u000A"}✅ 更新：社區已重新跟進，此事已辦結。
       *[none] {""}
    }
    { $title }（{ $category }）
    地點：{ $where }
    服務：{ $by }
    結果：{ $note }
# the order is called by its category's name: the category, in the reader's language
order-public-card-plain = <b>📣 組織曬單</b>{ $status ->
        [reopened] {"\u000A"}🔁 更新：居民對辦理結果不滿意，社區正在重新辦理。
        [satisfied] {"\u000A"}✅ 更新：社區重新辦理後，居民表示滿意。
        [basic] {"\u000A"}✅ 更新：社區重新辦理後，居民表示基本滿意。
        [closed] {"\u000A"}✅ 更新：社區已重新跟進，此事已辦結。
       *[none] {""}
    }
    { $category }
    地點：{ $where }
    服務：{ $by }
    結果：{ $note }

## Errors

order-err-not-found = 找不到這件訴求或工單。
order-err-note-words = 請用文字寫一兩句，例如「敲門沒人在家」「需要換零件，明天再來」。
order-err-release-reason = 請用一兩句話寫一下放棄的原因，例如「臨時要出差」「這個我修不了」，社區好安排別人。
order-err-changed = 這件事剛剛已經有人處理過了，這個按鈕已經用不了。想看它現在的情況，請點下方菜單重新打開。
order-changed-redrawn = 這件事剛剛已經有人處理過了，卡片已更新為最新狀態。
order-step-overtaken = 訴求 { $number } 在您填寫時已有變化（其他同事處理了，或居民撤回了），現在是「{ $status }」。這一步沒有保存，下面是它現在的情況。
order-stale-change = { $who } 在 { $when } 做了「{ $what }」
order-stale-change-unknown = 有同事剛剛處理過
order-list-stale = 這個列表已過期：{ $change }。卡片已更新為最新狀態。
order-card-stale = 這張卡片已過期：{ $change }。最新的卡片已更新。
order-list-stale-alert = 這個列表已過期，卡片已更新。
order-form-overtaken = 訴求 { $number } 的派單沒有發布：您填寫時，{ $change }。這張派單已關閉，什麼也沒有保存，卡片已更新為最新狀態。
order-form-overtaken-alert = 派單沒有發布：這件事剛剛有同事處理過了，卡片已更新。
order-report-overtaken = { $ended } 您剛發的沒有收下，這份上報已關閉。{ $change }。您的工單卡片已更新為最新狀態。
order-err-moved-away = 📍 訴求 { $number } 已改到 { $place }，由 { $grid } 處理，不再由您跟進，這個按鈕已經用不了。
order-err-place-claimed = 工單 { $order } 已有人接單，不能再改地點。如地點有誤，請先聯繫接單的黨員，或取消工單後再改。
order-err-place-changed = 訴求 { $number } 的地點剛剛改了，工單沒有發出。請重新打開訴求看看現在的地點，再派單。
order-err-already-handled = 這件訴求已經在辦理中，不能再修改或撤回了。
order-err-already-withdrawn = 這件訴求已經撤回了。
order-err-info-full = 這件訴求已經寫了很多（加上這段話超過 { $limit } 字），這段話（{ $length } 字）沒有補充進去。請精簡後再補充，或者報給社區作為一件新的訴求。
order-err-info-closed = 這件訴求已經辦結（或已撤回、合併），不能再補充信息了。如有新情況，請重新點單。
order-err-already-claimed = 您已經接過這張工單了。
order-err-taken = { $why ->
        [done] 這張工單已經有人辦完了，不用再接了。
        [direct] 這張工單已由社區直接辦理，不用再接了。
        [transferred] 這張工單已轉交其他單位辦理，不用再接了。
        [merged] 這張工單已併入同一件事的訴求，不用再接了。
        [declined] 社區已不再辦理這張工單，不用再接了。
        [closed] 這張工單已關閉，不用再接了。
        [reissued] 這張工單已取消，社區已重新派單。
        [cancelled] 這張工單已取消，不用再接了。
       *[other] 手慢了一步，這張工單已經被接滿了。
    }
order-err-rated = 這件訴求已經評價過了。
order-err-rated-earlier = 這條消息是上一次辦理結果的評價，已經評價過了。這次的辦理結果請在新的通知或「{ menu-order-mine }」裡評價。
order-err-closed-unrated = 這件訴求在回訪期內沒有收到評價，已經自動結案，不能再評價了。如果問題還在或有意見，請點「{ menu-order-new }」再告訴我們。
order-err-category = 沒有這個分類。
order-err-channel = 請選擇居民反映的渠道。
order-err-members = 人數要在 1 到 { $limit } 之間。
order-err-points = 積分要在 0 到 { $limit } 之間。
order-err-hours = 辦理時限要在 1 到 { $limit } 小時之間。
order-form-err-unread = 抱歉，沒看懂「{ $typed }」。派單時可以直接輸入：
    · 積分，如「15分」
    · 辦理時限，如「3天」「48小時」「明天下午5點前」
    · 需要人數，如「4個人」「兩人」
    幾項可以一起輸入，用逗號隔開，如「3個人，20分，3天內」。
    也可以點上面派單消息裡的按鈕；改標題請點「{ order-btn-edit-title }」。
order-form-err-bare = 「{ $number }」是積分、辦理時限還是人數？請帶上單位再輸入一次，例如「{ $number }分」「{ $number }小時」或「{ $number }個人」。
order-form-err-points = 抱歉，積分要在 0 到 { $limit } 分之間，您輸入的是 { $value } 分。請重新輸入，或點上面的按鈕。
order-form-err-members = 抱歉，需要人數要在 1 到 { $limit } 人之間，您輸入的是 { $value } 人。請重新輸入，或點上面的按鈕。
order-form-err-hours = 抱歉，辦理時限要在 1 小時到 { $days } 天之間，您輸入的是「{ $typed }」。請重新輸入，或點上面的按鈕。
order-form-err-past = 抱歉，{ $time } 已經過去了。請輸入將來的截止時間，例如「明天下午5點前」。
order-form-err-too-soon = 抱歉，截止時間 { $time } 離現在不到 1 小時，來不及辦理。請至少留出 1 小時，例如「3小時」或「明天下午5點前」。
order-form-err-too-far = 抱歉，截止時間 { $time } 太遠了，辦理時限最長 { $days } 天。請輸入 { $days } 天以內的時間。
order-form-err-day-only = 「{ $typed }」幾點截止呢？請寫上時間，例如「週五下午5點前」或「明天18:00前」。
order-form-err-day-past = 抱歉，「{ $typed }」已經過去了。請輸入將來的截止時間，例如「明天下午5點前」。
order-err-number = 請輸入訴求編號（數字）。
order-err-merge-target = 找不到可以合併的訴求（要同一社區、還在辦理中的）。
order-err-merge-self = 不能把訴求 { $number } 合併到它自己。請輸入另一件還在辦理中的訴求的編號。
order-err-too-many = 您 24 小時內已經提交了 { $limit } 件訴求，請{ $hours ->
        [0] {" "}{ $minutes } 分鐘
       *[other] 約 { $hours } 小時
    }後再提交。急事請直接打電話給社區。
order-err-burst = 您 { $window } 分鐘內已經提交了 { $limit } 件訴求。為防止刷屏，請 { $minutes } 分鐘後再提交。急事請直接打電話給社區。
order-draft-kept = 您寫的內容都還在，沒有丟。到時候點上面的「✅ 確認提交」就能提交；也可以點「📝 我要點單」把它找回來。
order-draft-held = 您上次還沒提交成功的訴求還在，可以接著提交：
order-draft-expired = 這份訴求草稿超過 { $days } 天沒有提交，已經過期清除了，這件事還沒有登記。請點「{ menu-order-new }」重新填寫。

## Stats and the ledger

order-stats-choose =
    請選擇統計時段：
    <i>其他時段直接說就行，例如「上週」「11月」「最近30天」；也可以在命令後寫上，例如 /stats 2026-11（一個月）、/stats 2026（一年）或 /stats 2026-11-01 2026-11-30。</i>
order-period-week = 本週
order-period-month = 本月
order-period-year = 今年
order-period-last_month = 上月
order-period-days = { $first } 至 { $last }
order-stats-err-period = 沒看懂要統計哪段時間。可以說「上個月」「最近30天」，或這樣寫：/stats 2026-11（一個月）、/stats 2026（一年）、/stats 2026-11-01 2026-11-30（起止日期）。也可以只發 /stats，再點本週、本月、上月或今年。
order-stats-err-order = 開始日期 { $first } 在結束日期 { $last } 之後。請先寫開始日期，再寫結束日期，例如 /stats 2026-11-01 2026-11-30。
order-stats-title = <b>台賬統計 · { $period }</b>
order-stats-total = 訴求 { $total } 件 · 超期 { $overdue } 件
order-stats-rates = 響應率 { $response } · 解決率 { $resolution } · 滿意率 { $satisfaction }（{ $rated } 件已評價）
order-stats-awaiting = 另有 { $count } 件剛提交、還在 24 小時響應期內，暫不計入響應率。
order-stats-times = 首次響應中位數 { $response } · 辦結中位數 { $resolve }
order-stats-minutes = { $minutes } 分鐘
order-stats-hours = { $hours } 小時
order-stats-by-status = 按狀態：{ $items }
order-stats-group = { $name }：{ $total } 件 · 響應 { $response } · 解決 { $resolution } · 滿意 { $satisfaction }
order-stats-grid-scope = { $community } · { $grids }
order-stats-by-grid = 按網格（解決率）：{ $items }
order-stats-grid-item = { $name } { $count }（{ $rate }）
# matters in no grid (a public area of the whole community, an address without a grid)
order-stats-no-grid = 不分網格
order-stats-member = { $name } { $count } 單 / { $points } 分
order-stats-by-category = 按分類：{ $items }
order-stats-by-member = 黨員/志願者：{ $items }
order-stats-definitions = <i>響應率＝24 小時內首次響應的訴求 ÷ 應響應的訴求（已響應的，和提交滿 24 小時的）；解決率＝已辦結 ÷ 已受理；滿意率＝滿意與基本滿意 ÷ 已評價。</i>
order-chart-title = 訴求與辦結 · { $period }
order-chart-filed = 新訴求
order-chart-resolved = 辦結
order-btn-export = 📥 導出台賬 Excel
order-export-working = 正在生成台賬…
order-export-busy = 正在生成，請稍候。
order-export-failed = 台賬沒有生成成功，請稍後再點一次「{ order-btn-export }」。
order-export-done = 台賬已生成，共 { $rows } 件。

order-xlsx-sheet = 台賬
order-xlsx-number = 編號
order-xlsx-filed = 受理時間
order-xlsx-channel = 渠道
order-xlsx-community = 社區
order-xlsx-grid = 網格
order-xlsx-building = 樓棟
order-xlsx-room = 房號
order-xlsx-contact = 聯繫人
order-xlsx-phone = 電話
order-xlsx-category = 分類
order-xlsx-urgent = 緊急
order-xlsx-text = 訴求內容
order-xlsx-status = 狀態
order-xlsx-first-response = 首次響應
order-xlsx-handling = 處理方式
order-xlsx-order = 工單號
order-xlsx-members = 接單人
order-xlsx-deadline = 辦理時限
order-xlsx-result-time = 辦結時間
order-xlsx-result = 辦理結果
order-xlsx-rating = 評價
order-xlsx-comment = 評價意見
order-xlsx-overdue = 超期
order-xlsx-history = 辦理過程
order-xlsx-m-sheet = 黨員服務
order-xlsx-m-name = 姓名
order-xlsx-m-unit = 工作單位
order-xlsx-m-community = 報到社區
order-xlsx-m-skills = 技能
order-xlsx-m-claimed = 接單
order-xlsx-m-done = 完成
order-xlsx-m-released = 放棄
order-xlsx-m-hours = 服務時長（小時）
order-xlsx-m-points = 積分
order-xlsx-m-rated = 已評價
order-xlsx-m-satisfied = 滿意率
order-xlsx-note-need = 需要人數
order-xlsx-note-points = 積分
order-xlsx-note-claimed = 已接 { $claimed }/{ $needed } 人
order-xlsx-note-by-staff = 由工作人員指派
order-xlsx-note-skills = 原限技能：{ $skills }
order-xlsx-note-round = 第{ $round }輪
order-xlsx-note-voice = 語音
# a merge's history line, the other matter named in it (on the one merged, on the one it went into)
order-history-merge = 併入 { $number }
order-history-merged_in = { $number } 併入本訴求
order-history-join = 居民認定是同一件事，併入 { $number }
order-history-joined = 居民認定 { $number } 是同一件事，併入本訴求
# 辦理結果 of a matter declined: the reason the resident was given
order-xlsx-declined = 不予受理：{ $reason }
order-xlsx-note-by-phone = 電話回訪
order-xlsx-note-transfer = 轉給：{ $unit }
order-xlsx-note-transfer-note = 說明：{ $note }
order-cstatus-active = 接單中
order-cstatus-released = 已放棄
order-cstatus-reassigned = 已改派
order-cstatus-done = 已完成
order-cstatus-cancelled = 已撤銷

order-action-file = 登記
order-action-add_info = 補充信息
order-action-withdraw = 撤回
order-action-issue_order = 派單
order-action-order_open = 工單發布
order-action-offer_all = 改為全社區所有黨員可接
order-action-handle = 直接辦理
order-action-transfer = 轉辦
order-action-transfer_back = 轉辦退回
order-action-transfer_answer = 轉辦答覆
order-action-transfer_progress = 轉辦進展
order-action-review = 申請複核
order-action-merge = 合併
order-action-merged_in = 併入
order-action-join = 居民認定同一件事，併入
order-action-joined = 有居民認定同一件事併入
order-action-decline = 不予受理
order-action-close = 結案
order-action-result = 辦結
order-action-claim = 接單
order-action-order_full = 接滿
order-action-release = 放棄
order-action-member_note = 接單人留言
order-action-order_reopen_slot = 重新開放
order-action-reassign = 改派
order-action-done = 完成上報
order-action-send_back = 退回
order-action-verify = 驗收
order-action-claim_done = 完成
order-action-cancel = 撤銷
order-action-order_cancelled = 工單撤銷
order-action-rate_satisfied = 評價滿意
order-action-rate_basic = 評價基本滿意
order-action-rate_unsatisfied = 評價不滿意
order-action-rate_comment = 評價留言
order-action-close_unrated = 未評價結案
order-action-category = 改分類
order-action-move_place = 改地點
order-action-mark_urgent = 標為緊急
order-action-unmark_urgent = 取消緊急
order-action-escalate = 上報
order-action-reoffer = 重新派發
order-action-overdue = 超期

## Urgency reasons (codes from services/triage/urgency.py)

order-urgent-by-resident = 居民標註
order-urgent-staff = 社區標註
order-urgent-fall = 摔倒
order-urgent-unconscious = 昏迷
order-urgent-medical = 急病
order-urgent-poisoning = 中毒
order-urgent-gas = 燃氣
order-urgent-fire = 火情
order-urgent-electric = 觸電/電線
order-urgent-flooding = 漏水/水淹
order-urgent-alone_unreachable = 獨居聯繫不上
order-urgent-missing = 走失
order-urgent-trapped = 被困
order-urgent-violence = 暴力
order-urgent-self_harm = 輕生
order-urgent-falling_object = 高空墜物
order-urgent-collapse = 坍塌
card-action-which = 要辦理哪一件訴求？請先打開它：直接發它的編號（如 00012），或點「{ $queue }」再點「查看」；然後點卡片上的「{ $button }」。
card-action-tap = 請點上面卡片上的「{ $button }」。
order-typed-release-one = 要放棄工單 { $number }（{ $title }）嗎？點下面的「{ order-btn-release }」，再寫一句原因，社區會另外安排人。不放棄就不用管這條。
order-typed-release-which = 您手上有 { $count } 件工單，要放棄哪一件？點那一件的按鈕，再寫一句原因。不放棄就不用管這條。
order-btn-release-of = ↩️ 放棄 { $number } { $title }
order-typed-news-one = 這是工單 { $number }（{ $title }）的情況吧？點「💬 告訴社區」，這句話會原樣轉給社區工作人員，也記進台賬。
    如果是您自己家要報的事，點「{ fallback-file-button }」。
order-typed-news-which = 這是哪一件工單的情況？點那一件的「💬 告訴社區」，這句話會原樣轉給社區工作人員，也記進台賬。
    如果是您自己家要報的事，點「{ fallback-file-button }」。
order-typed-handover-one = 工單 { $number }（{ $title }）不能直接轉給別人，換人要由社區來安排。
    點「💬 告訴社區」，這句話會原樣轉給社區工作人員；確定不做了，點「{ order-btn-release }」寫一句原因，社區會另外派人。
order-typed-handover-which = 工單不能直接轉給別人，換人要由社區來安排。您手上有 { $count } 件工單：
    點那一件的「💬 告訴社區」，這句話會原樣轉給社區工作人員；確定不做了，點那一件的「↩️ 放棄」寫一句原因，社區會另外派人。

# 👤 指派: staff give a free place on an open order to a member they chose
order-btn-assign = 👤 指派給黨員/志願者
order-assign-none = 沒有可以指派的黨員/志願者（符合技能和片區、還沒接這單的）。
order-assign-choose = 指派給誰？選中的人會收到通知，工單就由他來辦。
order-assigned = 工單 { $number } 已指派給 { $name }，已通知本人。

# 表揚: a resident's praise passed on (handlers.praise, services.praise)
praise-ask-member = 謝謝您的表揚！要把這些話轉達給 { $name }（為您辦理訴求 { $number }）和社區嗎？
praise-ask-staff = 謝謝您的表揚！要把這些話轉達給社區嗎？
praise-btn-send = 🌟 轉達表揚
praise-btn-drop = 不用了
praise-gone = 這條表揚已經處理過了。想再表揚，直接再說一遍就行。
praise-sent-member = 已轉達給 { $name } 和社區，謝謝您！
praise-sent-staff = 已轉達給社區，謝謝您！
fallback-choice-praise = 轉達表揚
praise-notice-member = 🌟 居民表揚了您（工單 { $number }：{ $title }）：
    「{ $text }」
    謝謝您的付出！
praise-notice-staff = 🌟 居民表揚了 { $name }（訴求 { $number }）：
    「{ $text }」
praise-notice-staff-general = 🌟 { $resident } 表揚社區：
    「{ $text }」
order-action-praise = 居民表揚
fallback-choice-nopraise = 不用轉達

# 投訴: a resident's complaint about who served them, to staff only (handlers.complaint, services.complaint)
complaint-ask-matter = 要把您的意見反映給社區嗎？會轉給負責訴求 { $number } 的工作人員，不會轉給本人。
complaint-ask-staff = 要把您的意見反映給社區嗎？會轉給您所在網格的工作人員，不會轉給本人。
complaint-ask-rating = 訴求 { $number } 還沒有評價：如果沒辦好，也可以點「😞 不滿意」，訴求會重新辦理。
complaint-btn-send = 📣 反映給社區
complaint-btn-unsatisfied = 😞 不滿意，重新辦理
complaint-btn-drop = 不用了
complaint-gone = 這條意見已經處理過了。還想反映，直接再說一遍就行。
complaint-sent = 已反映給社區，工作人員會跟進處理，謝謝您告訴我們。
complaint-with-rating-ahead = 這些話也會作為意見轉給負責訴求 { $number } 的工作人員，不會轉給本人。
complaint-with-rating = 您的意見也已轉給負責訴求 { $number } 的工作人員（不會轉給本人），他們會跟進。
complaint-rated = 已記下「😞 不滿意」，訴求 { $number } 會重新辦理，您說的情況已轉給工作人員，他們會跟進。
complaint-rated-unsatisfied = 已記下「😞 不滿意」：訴求 { $number } 會重新辦理。您反映的情況已作為意見轉給負責訴求 { $number } 的工作人員（不會轉給本人），他們會跟進並盡快聯繫您。
complaint-notice-staff = 📣 居民 { $resident } 反映對 { $name } 的意見（訴求 { $number }，未轉給本人）：
    「{ $text }」
    請跟進處理。
complaint-notice-staff-general = 📣 居民 { $resident } 反映對服務的意見：
    「{ $text }」
    請跟進處理。
order-action-complaint = 居民投訴
fallback-choice-complaint = 反映給社區
fallback-choice-unsatisfied = 不滿意，重新辦理
fallback-choice-nocomplaint = 不用反映

# 指派 typed by staff: '00001 派給劉師傅' (handlers.assign_typed, services.typed_assign)
assign-typed-confirm = 把工單 { $number }（{ $title }）指派給 { $name } 嗎？確認後會通知本人，工單由他來辦。
assign-typed-btn-confirm = ✅ 確認指派
assign-typed-btn-drop = 不用了
assign-typed-dropped = 好的，沒有指派。
assign-typed-which = 工單 { $number }（{ $title }）可以指派的人裡，有幾位都像「{ $name }」，請選一位：
assign-typed-unknown = 工單 { $number }（{ $title }）可以指派的黨員/志願者裡沒有「{ $name }」（或他已經在辦這單、技能或片區不符）。可以指派的有：
assign-typed-issue-first = 訴求 { $number } 還沒有派單，不能直接指派給「{ $name }」。請先點上面卡片的「📤 派單」發布工單，再在工單卡片上點「👤 指派給黨員/志願者」。
assign-typed-full = 工單 { $number } 現在沒有空位可以指派（已接滿、已完成或已取消）。要換人，可以在上面的工單卡片上改派。

# 📞 已回電 (handlers.call_back_staff): a call-back matter's call recorded by staff
order-action-call_back = 居民請社區回電
order-action-called_back = 已回電
order-action-call_settled_urgent = 記下的情況聽起來緊急，工作人員確認電話裡已解決並結案
order-action-call_back_words = 回電後改寫訴求內容（備註為原來的內容）
order-btn-called-back = 📞 已回電
order-ask-callback-note = 📞 訴求 { $number }：電話裡說了什麼？寫幾句記入台賬（比如「已說明怎麼辦理」），或點「跳過」。
order-ask-callback-outcome = 訴求 { $number } 這件事，電話裡說好了，還是有事要辦？
order-btn-callback-settled = ✅ 電話裡已解決，結案
order-btn-callback-matter = 📋 有事要辦，繼續受理
order-ask-callback-text = 請寫下要辦的事，作為訴求 { $number } 的內容。現在的內容是：
    { $text }
    不用改就點「跳過」。
order-ask-callback-category = 訴求 { $number } 屬於哪一類？（系統建議：{ $category }）
order-callback-settled = 已記下回電：訴求 { $number } 在電話裡已解決，已結案。居民會收到通知。
order-callback-settled-night = 已記下回電：訴求 { $number } 在電話裡已解決，已結案。現在是夜間免打擾時段，居民會在 { $at } 收到通知。
order-callback-kept = 已記下回電：訴求 { $number } 的內容和分類已更新，還在待受理裡，請接著派單、直接辦理或轉辦。
order-callback-sounds-urgent = ⚠️ 您記下的情況聽起來緊急（{ $reasons }）：選「{ order-btn-callback-matter }」會按緊急訴求處理，馬上提醒網格的工作人員。
order-callback-confirm-urgent = ⚠️ 您記下的情況聽起來緊急（{ $reasons }）。訴求 { $number } 結案後就沒有人會再跟進了。
    真的在電話裡解決了嗎？還沒解決的話，請選「{ order-btn-callback-alert }」：按緊急訴求處理，馬上提醒網格的工作人員。
order-btn-callback-alert = 🚨 不結案，提醒網格
order-btn-callback-confirm = ✅ 確實已解決，結案
order-callback-kept-open-urgent = 🚨 訴求 { $number } 沒有結案，已按緊急訴求處理，網格的工作人員已收到提醒。請接著派單、直接辦理或轉辦。
order-callback-kept-urgent = 🚨 按您記下的情況，這件事已按緊急訴求處理，網格的工作人員已收到提醒。
order-notice-called-back-settled = 社區工作人員已經給您回過電話了。電話裡說好的事（編號 { $number }）就算辦完了。以後有什麼事，隨時再找我們。
order-notice-called-back-matter = 社區工作人員已經給您回過電話了。您說的事已經記下（編號 { $number }），我們會盡快安排人來辦，有進展會告訴您。
