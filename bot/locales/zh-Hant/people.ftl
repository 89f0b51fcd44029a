### Generated from zh-Hans/people.ftl by bot/locales/make_hant.py (OpenCC s2tw and its
### FIXES). Do not edit: change the zh-Hans text and run the script again.

## Registration, profile, members (雙報到), staff and admins

reg-consent = <b>個人信息使用說明</b>
    根據《中華人民共和國個人信息保護法》，為了給您提供社區服務，我們需要保存您的：所在社區、網格、樓棟、房號，以及您自願提供的手機號。
    • 這些信息只用於處理您反映的事項和社區通知；
    • 只有本社區工作人員和為您服務的志願者能看到您的房號和電話；
    • 公開的辦理結果不會出現您的姓名、電話和房號；
    • 您可以隨時發 /forget 刪除您的個人信息。
    同意後繼續登記。
reg-agree = ✅ 同意並繼續
reg-disagree = 不同意
reg-consent-typed = ✅ 好的，您已同意個人信息使用說明。
reg-declined = 好的，我們不會保存您的信息。您仍然可以瀏覽幫助；需要時再點「🏠 登記住址」。
reg-choose-community = 請選擇您所在的<b>社區</b>：
reg-no-communities = 系統裡還沒有社區信息，請聯繫社區工作人員。
reg-choose-grid = 請選擇您所在的<b>網格</b>（不清楚可以點「不清楚」）：
reg-choose-building = 請選擇您住的<b>樓棟</b>：
reg-ask-room = 請輸入您的<b>房號</b>，例如「302」或「2單元301」：
reg-ask-phone = 最後，可以留下您的手機號，方便工作人員聯繫您（可跳過）。
    請點下方「📱 發送我的手機號」按鈕。
reg-share-phone = 📱 發送我的手機號
reg-phone-use-button = 請點「📱 發送我的手機號」按鈕，或點「跳過」。
reg-phone-invalid = 號碼格式不對。請輸入 11 位手機號（如 139 0000 0001）或帶區號的座機號（如 021-12345678），或點「{ reg-share-phone }」；不想留請點「{ common-skip }」。
reg-phone-button-not-text = 「{ $label }」是按鈕上的字，不是手機號。請點「{ reg-share-phone }」，或直接輸入 11 位手機號；不想留可以點「{ common-skip }」。
reg-done = 登記完成！您的住址：{ $address }
reg-done-phone = 手機號：{ $phone }
reg-start-now = 🏠 現在登記
reg-already-done = 您已經登記過住址了，不用再登記。
reg-new-resident-card = 🏠 新居民登記：{ $name }
    住址：{ $address }
    請核實後點「核實」。
reg-verify = ✅ 核實
reg-verified = 已核實：{ $name }
reg-verified-by-other = 這位居民已經核實過了。
reg-card-outdated = 這位居民後來修改了住址，這張卡片已過期。新的登記卡片已經發給社區工作人員，請在那張卡片上核實。

profile-title = <b>我的資料</b>
profile-name = 稱呼：{ $name }
profile-address = 住址：{ $address }
profile-address-none = 住址：未登記
profile-phone = 手機號：{ $phone }
# a contact shared at the menu, not at a phone step (on_contact_at_menu)
profile-contact-ask = 要把 { $phone } 記為您的聯繫電話嗎？（現在記的是：{ $old }）工作人員和接單的黨員/志願者需要時會用它聯繫您。
profile-contact-keep = ✅ 記下
profile-contact-drop = 不用了
profile-contact-dropped = 好的，電話沒有改。
profile-contact-same = 您的聯繫電話已經是 { $phone }，不用再記。
profile-contact-not-own = 這是別人的名片，我們不會保存。只有您自己的手機號才能記為聯繫電話；要幫別人反映問題，直接說是什麼事就行。
profile-contact-register-first = 先登記住址吧：登記的最後一步可以一鍵分享手機號。
profile-phone-none = 手機號：未留
profile-verified = 住址已由社區核實
profile-roles = 身份：{ $roles }
profile-member = 報到狀態：{ $status }
profile-edit-address = 🏠 修改住址
profile-edit-phone = 📱 修改手機號
profile-forget = 🗑 刪除我的信息
profile-named-on = 曬單和積分榜：顯示我的名字（{ $name }）
profile-named-off = 曬單和積分榜：不顯示我的名字，只寫「{ $masked }」
profile-named-hide = 🙈 曬單不顯示我的名字
profile-named-show = 🙋 曬單顯示我的名字
profile-named-changed-on = 已改為顯示您的名字「{ $name }」：積分榜馬上生效，以後發布的曬單也會署名。已經發布的曬單不會改。
profile-named-changed-off = 已改為不顯示您的名字：積分榜馬上改為「{ $masked }」，以後發布的曬單也只寫「{ $masked }」。已經發布的曬單不會改。
forget-confirm = 確定要刪除您的個人信息嗎？
    將刪除：姓名、住址、房號、手機號、報到資料。已辦理事項的記錄會保留，但不再與您的身份關聯。
    還沒召開的議事會，您的報名會取消，不再收到提醒。
forget-confirm-claims = ⚠️ 您正在辦的工單 { $numbers } 會退回社區，由社區重新派給其他黨員/志願者。想先辦完的，請上報完成後再刪除。
forget-yes = 確定刪除
forget-no = 不刪除
forget-done = 您的個人信息已刪除。如需再次使用，點「🏠 登記住址」重新登記。
forget-kept = 好的，沒有刪除。

member-status-pending = 審核中
member-status-approved = 已通過
member-status-rejected = 未通過
member-status-suspended = 已暫停

member-consent = <b>個人信息使用說明</b>
    根據《中華人民共和國個人信息保護法》，黨員/志願者報到需要保存您的：真實姓名、工作單位、手機號、技能特長，以及您服務的社區和網格。
    • 這些信息只用於社區審核您的報到、給您推送合適的工單、記錄您的服務積分和時長；
    • 只有社區和街道的工作人員能看到您的工作單位和手機號；
    • 組織曬單和積分榜上是否顯示您的名字，由您在後面自己選擇；
    • 您可以隨時發 /forget 刪除您的個人信息。
    同意後繼續報到。
member-declined = 好的，報到不繼續了，您的姓名、單位和手機號都不會保存。想報到時再點「{ menu-become-member }」。
member-intro = <b>黨員/志願者報到（雙報到）</b>
    報到後，您可以接社區的服務工單、積累服務積分和時長。需要填寫：真實姓名、工作單位、手機號、技能特長、服務社區。
    請輸入您的<b>真實姓名</b>：
member-ask-unit = 請輸入您的<b>工作單位</b>（例如「區教育局」「退休」）：
member-ask-phone = 請提供<b>手機號</b>：點下方按鈕發送，或直接輸入 11 位手機號。
member-ask-skills = 請選擇您的<b>技能特長</b>（可多選，選好後點「完成」）；也可以直接輸入其他特長：
member-skills-done = ✅ 完成
member-skills-ticked = 已勾選：{ $skills }
member-skills-custom = 其他特長：{ $skills }
member-ask-community = 請選擇您要服務的<b>社區</b>：
member-ask-grid = 請選擇服務的<b>網格</b>（或「不限」）：
member-any-grid = 不限網格
member-ask-named = 組織曬單和積分榜上<b>顯示我的名字</b>嗎？
    辦完的工單會發到社區公示頻道（組織曬單），積分榜也會列出服務的黨員/志願者。
    • 顯示：寫「{ $name }」
    • 不顯示：只寫姓氏，如「{ $masked }」
    以後可以在「{ menu-profile }」裡隨時修改。
member-named-yes = ✅ 顯示我的名字
member-named-no = 🙈 不顯示，寫「{ $masked }」
member-named-shown = 顯示名字（{ $name }）
member-named-hidden = 不顯示名字，只寫「{ $masked }」
member-consent-notice = 🙈 現在起，組織曬單和積分榜上<b>不顯示您的名字</b>，只寫「{ $masked }」，除非您同意顯示「{ $name }」。
    以前報到時沒有問過您，所以先不顯示。請在下面選一下；以後也可以在「{ menu-profile }」裡隨時修改。
member-consent-btn-show = 🙋 同意顯示「{ $name }」
member-consent-btn-hide = 🙈 繼續不顯示，寫「{ $masked }」
member-confirm = 請確認您的報到信息：
    姓名：{ $name }
    單位：{ $unit }
    手機：{ $phone }
    特長：{ $skills }
    社區：{ $community }
    曬單和積分榜：{ $named }
member-submitted = 已提交，請等待社區審核。審核結果會通知您。
member-submitted-night = 🌙 現在是夜間免打擾時段，社區工作人員會在 { $time } 收到您的報到申請。
member-already-pending = 您的報到申請正在審核中，請耐心等待。
member-already-approved = 您已經是報到黨員/志願者了。
member-already-reviewed = 這份申請已經處理過了：{ member-outcome }。
member-already-reviewed-by = 這份申請已經由{ $by }處理過了：{ member-outcome }。
member-outcome = { $outcome ->
        [approved] 已通過
        [rejected] 未通過
        [suspended] 通過後已暫停
       *[other] 已處理
    }
member-application-gone = 這份申請已經不在了（申請人刪除了自己的信息）。
member-review-card = 🧾 <b>報到申請</b>
    姓名：{ $name }
    單位：{ $unit }
    手機：{ $phone }
    特長：{ $skills }
    社區：{ $community }
member-approve = ✅ 通過
member-reject = ❌ 不通過
member-review-decided-approved = ✅ 已通過 · { $by } · { $time }
member-review-decided-rejected = ❌ 未通過 · { $by } · { $time }
    原因：{ $reason }
member-ask-reject-reason = 請輸入不通過的原因（會告知申請人）：
member-approved-staff = 已通過：{ $name }
member-rejected-staff = 已退回：{ $name }（原因：{ $reason }）
member-approved-user = 🎉 您的報到申請已通過！現在可以在「{ menu-order-open }」裡接單了。
member-rejected-user = 很抱歉，您的報到申請未通過。原因：{ $reason }
    如有疑問請聯繫社區，也可以修改後重新報到。
member-pending-none = 目前沒有待審核的報到申請。
member-pending-count = 待審核的報到申請：{ $count } 份
member-pending-more = 待審核的報到申請：{ $count } 份。下面是最早的 { $shown } 份，處理完後再點「{ $button }」看其餘的。

skill-plumbing = 水管疏通
skill-electrical = 電路維修
skill-appliance_repair = 家電維修
skill-heating_gas = 供暖燃氣
skill-cleaning = 清掃保潔
skill-greening = 綠化養護
skill-mediation = 矛盾調解
skill-elderly_care = 助老陪護
skill-disability_help = 助殘服務
skill-escort = 陪同就醫辦事
skill-medical = 醫療健康
skill-legal = 法律諮詢
skill-policy = 政策諮詢
skill-digital_help = 手機電腦教學
skill-tutoring = 課業輔導
skill-patrol = 治安巡邏
skill-fire_safety = 消防安全
skill-moving = 搬運幫忙
skill-parking = 停車交通
skill-general = 跑腿綜合
# everyday words for each skill, as members type them at the sign-up (「我會修水管」): they tick it
skill-plumbing-words = 修水管, 水管, 通下水道, 下水道, 疏通下水道, 馬桶, 水龍頭, 水暖, 修水龍頭
skill-electrical-words = 修電路, 電路, 電工, 電線, 換燈泡, 修燈, 插座, 開關插座, 修電
skill-appliance_repair-words = 修家電, 修電腦, 修手機, 家電, 修電器, 電器, 修空調, 空調, 洗衣機, 冰箱, 修電視, 電視
skill-heating_gas-words = 暖氣, 燃氣, 煤氣, 天然氣, 供暖, 燃氣灶
skill-cleaning-words = 打掃衛生, 打掃, 保潔, 掃地, 清潔, 搞衛生, 做衛生
skill-greening-words = 綠化, 種花, 養花, 花草, 園藝, 修剪樹枝, 種菜
skill-mediation-words = 調解糾紛, 調解, 勸架, 化解矛盾, 鄰里糾紛, 做思想工作
skill-elderly_care-words = 照顧老人, 陪老人, 陪伴老人, 助老, 養老, 陪護, 看護, 護理老人, 陪老人聊天
skill-disability_help-words = 助殘, 幫助殘疾人, 殘疾人
skill-escort-words = 陪老人看病, 陪看病, 陪同就醫, 陪診, 陪人看病, 陪去醫院, 陪同辦事, 陪辦事, 陪老人去醫院
skill-medical-words = 醫療, 醫生, 護士, 醫護, 量血壓, 急救, 健康諮詢, 看病
skill-legal-words = 法律, 律師, 打官司, 懂法律
skill-policy-words = 政策, 政策解讀, 社保, 醫保, 退休政策
skill-digital_help-words = 教手機, 教用手機, 智能手機, 教電腦, 電腦, 手機, 微信, 上網
skill-tutoring-words = 輔導作業, 輔導, 功課, 家教, 補課, 教孩子, 作業
skill-patrol-words = 巡邏, 治安, 值班, 站崗, 安保
skill-fire_safety-words = 消防, 防火, 滅火
skill-moving-words = 搬東西, 搬家, 搬運, 扛東西, 力氣活, 有力氣
skill-parking-words = 停車, 交通, 指揮交通, 疏導交通
skill-general-words = 跑腿, 買菜, 代購, 送東西, 幫忙跑腿, 什麼都能幹, 啥都能幹, 雜事

admin-menu = <b>管理</b>
admin-invite = ➕ 邀請社區工作人員
admin-staff-list = 👥 工作人員列表
admin-choose-community = 邀請哪個社區的工作人員？
admin-invite-link = 邀請鏈接（{ $community }，{ $hours } 小時內有效，只能使用一次）：
    { $link }
    請把鏈接發給被邀請的工作人員，對方點開後點「開始」即可。
admin-invite-again = 這份列表已經生成過邀請鏈接（{ $community }），見上方消息；一份列表只生成一個鏈接。還要邀請別人，請重新發送 /invite。
admin-categories = 🏷 訴求分類
admin-back = ⬅️ 返回管理
admin-staff-none = 還沒有社區工作人員。
admin-staff-item = { $name }（{ $id }）：{ $communities }
admin-staff-scope-grid = { $community }（{ $grid }）
admin-revoke = 撤銷 { $name }
admin-revoked = 已撤銷 { $name } 的工作人員權限。
admin-revoke-confirm = 確定撤銷 { $name } 的社區工作人員權限嗎？撤銷後對方不能再處理訴求、審核報到和發通知，會收到通知。
admin-revoke-confirm-grid = 確定撤銷 { $name } 在「{ $place }」的網格員權限嗎？撤銷後對方不能再處理本網格的訴求和工單，會收到通知。
admin-revoked-grid = 已撤銷 { $name } 在「{ $place }」的網格員權限。
admin-revoked-grid-user = 您在「{ $place }」的網格員權限已被撤銷。如有疑問請聯繫街道管理員。
admin-revoke-yes = ✅ 確定撤銷
admin-revoke-back = ⬅️ 返回列表
admin-revoke-gone = 這位已經不是社區工作人員了（可能剛被撤銷）。
admin-admin-list = 👑 管理員列表
admin-admins-title = 👑 <b>街道管理員</b>（共 { $count } 人）
admin-admins-item = { $name }（{ $id }）
admin-admins-item-self = { $name }（{ $id }）· 您自己
admin-admins-item-settings = { $name }（{ $id }）· 配置文件指定，只能在配置（LINLI_ADMIN_IDS）裡去掉
admin-admins-never-opened = （還沒打開過機器人）
admin-admin-revoke-confirm = 確定撤銷 { $name } 的街道管理員權限嗎？撤銷後對方不能再邀請工作人員、修改組織架構和分類，會收到通知。
admin-admin-revoked = 已撤銷 { $name } 的街道管理員權限。
admin-admin-revoke-gone = 這位已經不是街道管理員了（可能剛被撤銷）。
admin-admin-revoke-self = 不能在這裡撤銷自己的管理員權限，請另一位管理員操作。
admin-admin-revoke-settings = 這位管理員是配置文件（LINLI_ADMIN_IDS）指定的，只能在配置裡去掉。
invite-accepted = ✅ 您已成為「{ $community }」的社區工作人員。主菜單裡多了工作人員的功能。
invite-invalid = 這個邀請鏈接無效。請向管理員重新要一個。
invite-expired = 這個邀請鏈接已過期。請向管理員重新要一個。
invite-used = 這個邀請鏈接已經被使用過了。請向管理員重新要一個。
invite-used-yours = 這個邀請鏈接您已經用過了，權限仍然有效，不用再點。直接用下方的主菜單就好。

cat-list-title = <b>訴求分類</b>（代碼 · 名稱 · 默認時限 · 所需技能）
cat-list-item = <code>{ $code }</code> · { $name } · { $hours } 小時 · { $skills }
cat-usage = 修改方法：
    <code>/category deadline 代碼 小時數</code> 修改默認辦理時限
    <code>/category add 代碼 小時數 中文名/英文名 技能1,技能2</code> 新增分類
    名稱裡有空格時，把名稱放在引號裡，例如：
    <code>/category add pet_care 48 "寵物管理/Pet care" general,patrol</code>
    <code>/category rename 代碼 中文名/英文名</code> 改名稱
    <code>/category hant 代碼 繁體名</code> 設置繁體中文名（新增或改名時會自動生成）
    <code>/category remove 代碼</code> 刪除分類
    新增的分類在下次重新訓練（每晚自動）後才會被自動推薦。
cat-skill-codes = 技能代碼：{ $skills }
cat-skill-code = <code>{ $code }</code> { $name }
cat-updated = ✅ 分類已更新。
cat-replaced = 注意：分類 <code>{ $code }</code> 原來就有，這次的名稱、時限和技能已替換了原來的（原來：{ $name } · { $hours } 小時 · { $skills }）。只想改時限或名稱時，用 <code>/category deadline</code> 或 <code>/category rename</code>。
cat-err-usage = 格式不對。發 /categories 查看修改方法。
cat-err-hours = 時限要在 1 到 2160 小時（90 天）之間。
cat-err-unknown = 沒有代碼為「{ $code }」的分類。
cat-err-skills = 這些技能代碼不存在：{ $skills }
    可用的技能代碼列在 /categories 的末尾。
    （如果這是名稱的一部分：名稱裡有空格時，請把「中文名/英文名」放在引號裡。）
cat-err-spaces = 名稱裡有空格時，請把「中文名/英文名」放在引號裡，例如：
    <code>/category add pet_care 48 "寵物管理/Pet care" general,patrol</code>
cat-err-quote = 引號沒有配對。請把名稱放在一對引號裡，例如 <code>"寵物管理/Pet care"</code>。
cat-err-names = 請同時給出中文名和英文名，用「/」隔開，每個不超過 40 字。
cat-err-code = 這個分類不能保存：分類代碼「{ $code }」只能用小寫英文字母、數字和下劃線，以字母開頭，2 到 40 個字符，例如 <code>pet_care</code>。
cat-err-invalid = 這個分類不能保存：{ $reason }
cat-err-other = 「其他」分類不能刪除。
cat-hant-made = 繁體中文名：{ $name }（不對的話用 <code>/category hant { $code } 名稱</code> 修改）
cat-hant-none = 沒有生成繁體中文名（本機沒有裝簡繁轉換），使用繁體的居民會看到「{ $name }」。可以用 <code>/category hant { $code } 名稱</code> 設置。
cat-err-hant-spaces = 繁體名裡有空格時，請把名稱放在引號裡，例如 <code>/category hant pet_care "寵物 管理"</code>。
cat-err-hant-name = 請給出繁體中文名，不超過 40 字。
cmd-categories = 訴求分類與時限

reg-typed-read = 好的，記下了：<b>{ $address }</b>。如果不對，{ $again ->
    [yes] 在「{ menu-profile }」裡點「{ profile-edit-address }」就能再改。
   *[no] 登記好以後在「{ menu-profile }」裡點「{ profile-edit-address }」就能改。
}
reg-typed-not-read = 沒能從您寫的內容裡認出地址。請點按鈕選擇；也可以直接寫完整的地址，比如「某某社區 3號樓 502」。
reg-building-not-found = 這個社區裡沒有找到您說的那棟樓。請從下面選您住的樓棟：
reg-picked = ✓ { $step }：{ $value }
reg-step-community = 社區
reg-step-grid = 網格
reg-step-building = 樓棟
profile-ask-phone = 請點「📱 發送我的手機號」發送新的手機號，或直接輸入 11 位手機號。
profile-phone-keep = 不修改
profile-phone-use-button = 請點「{ reg-share-phone }」按鈕，或直接輸入 11 位手機號；不改請點「{ profile-phone-keep }」。
profile-phone-invalid = 號碼格式不對。請輸入 11 位手機號（如 139 0000 0001）或帶區號的座機號（如 021-12345678），或點「{ reg-share-phone }」；不改請點「{ profile-phone-keep }」。
profile-phone-remove = 刪除手機號
profile-phone-updated = ✅ 手機號已更新：{ $phone }
profile-phone-unchanged = 好的，手機號沒有修改。
profile-phone-removed = ✅ 已刪除您的手機號。
profile-phone-button-not-text = 「{ $label }」是按鈕上的字，不是手機號。請點「{ reg-share-phone }」，或直接輸入 11 位手機號；不改請點「{ profile-phone-keep }」。
profile-quiet-on = 夜間免打擾：開（{ $start }–{ $end } 的一般通知會在早上發給您，緊急通知照常）
profile-quiet-community-off = 夜間免打擾：社區已關閉免打擾時段，通知隨時發出
profile-quiet-off = 夜間免打擾：關（夜裡也會收到一般通知）
profile-quiet-disable = 🔔 夜裡也通知我
profile-quiet-enable = 🔕 開啟夜間免打擾
profile-quiet-typed-on = 好的，夜裡不打擾您：
profile-quiet-typed-off = 好的，夜裡也給您發通知：
profile-quiet-typed-show = 您的夜間免打擾設置：
profile-quiet-typed-hint = 想改的話，點下面的按鈕。
profile-moving = 好的，我們來改您的住址（改好後社區會重新核實）。
forget-already = 您的個人信息已經刪除了。
profile-name-forgotten = （未保存）
member-card-outdated = 申請人已經重新提交了報到信息，這張卡片已過期。請點「🧾 報到審核」查看最新的申請。
admin-invite-used = ✅ { $name } 已通過邀請鏈接成為「{ $community }」的社區工作人員。
admin-revoked-user = 您的社區工作人員權限已被撤銷。如有疑問請聯繫街道管理員。
admin-revoked-admin-user = 您的街道管理員權限已被撤銷。如有疑問請聯繫街道辦。
err-admin-only = 這個功能僅街道管理員可用。
forget-claim-reason = 接單人刪除了個人信息，已退出
admin-invite-grid = ➕ 邀請網格員
admin-org = 🏘 組織架構
admin-choose-grid-community = 邀請哪個社區的網格員？
admin-choose-grid = 邀請「{ $community }」哪個網格的網格員？網格員只處理本網格的訴求和工單。
admin-no-grids = 這個社區還沒有網格。請先在「🏘 組織架構」裡新增網格。
admin-back-communities = ⬅️ 返回社區列表
admin-grid-place = { $community } · { $grid }
admin-invite-grid-link = 網格員邀請鏈接（{ $place }，{ $hours } 小時內有效，只能使用一次）：
    { $link }
    請把鏈接發給被邀請的網格員，對方點開後點「開始」即可。
invite-accepted-grid = ✅ 您已成為「{ $community }」的網格員。主菜單裡多了工作人員的功能，處理本網格的訴求和工單。
admin-staff-title = 👥 <b>工作人員列表</b>（全部社區的社區工作人員和網格員，共 { $count } 人）
admin-staff-title-page = 👥 <b>工作人員列表</b>（全部社區的社區工作人員和網格員，第 { $page }/{ $pages } 頁，共 { $count } 人）
org-title = 🏘 <b>組織架構</b>：請選擇社區。
org-page = 第 { $page }/{ $pages } 頁，共 { $count } 個
org-community = 🏘 <b>{ $community }</b>：{ $grids } 個網格。點網格查看樓棟。
org-grid-button = { $grid }（{ $count } 棟）
org-grid = 🏘 { $community } · <b>{ $grid }</b>：{ $buildings } 棟樓。點樓棟可改名或移到其他網格。
org-building = 🏠 <b>{ $building }</b>（{ $grid }，{ $households } 戶）
org-add-grid = ➕ 新增網格
org-add-building = ➕ 新增樓棟
org-rename-community = ✏️ 改社區名
org-rename-grid = ✏️ 改網格名
org-rename-building = ✏️ 改樓棟名
org-move-building = 🔀 移到其他網格
org-back-communities = ⬅️ 返回社區列表
org-back-grids = ⬅️ 返回網格列表
org-back-buildings = ⬅️ 返回樓棟列表
org-back-building = ⬅️ 返回樓棟
org-ask-grid-name = 請輸入新網格的名稱（不超過 { $limit } 個字），例如：第三網格。
org-ask-building-name = 請輸入新樓棟的名稱（不超過 { $limit } 個字），例如：7號樓。
org-ask-rename = 「{ $name }」要改成什麼名稱？請輸入新名稱（不超過 { $limit } 個字）。
org-cancelled = 已取消，沒有做任何修改。
org-add-community = ➕ 新建社區
org-ask-community-name = 請輸入新社區的名稱（不超過 { $limit } 個字），例如：幸福社區。
org-ask-community-english = 「{ $name }」的英文名是什麼？英文界面的用戶會看到它，輸入時也能認出（如 Happiness Community）。請輸入英文名（不超過 { $limit } 個字符）；不設英文名就點「{ common-skip }」。
org-add-community-check = 請核對後確認：
org-add-community-confirm = 新建社區「{ $name }」（沒有英文名，英文界面顯示中文名稱）。確定嗎？建好後可以在社區頁面新增網格和樓棟。
org-add-community-confirm-english = 新建社區「{ $name }」，英文名「{ $english }」。確定嗎？建好後可以在社區頁面新增網格和樓棟。
org-add-community-yes = ✅ 確定新建
org-done-add-c = ✅ 已新建社區「{ $name }」。下面是它的頁面：點「{ org-add-grid }」添加網格，再在網格里添加樓棟。
org-done-add-g = ✅ 已新增網格「{ $name }」。
org-done-add-b = ✅ 已新增樓棟「{ $name }」。
org-done-ren-c = ✅ 社區「{ $before }」已改名為「{ $name }」。
org-done-ren-g = ✅ 網格「{ $before }」已改名為「{ $name }」。
org-done-ren-b = ✅ 樓棟「{ $before }」已改名為「{ $name }」。
org-done-same = 名稱沒有變化，仍是「{ $name }」。
org-err-name-empty = 名稱不能為空。請輸入名稱，或點「{ common-cancel }」。
org-err-name-long = 名稱太長了（{ $length } 個字），請不超過 { $limit } 個字，再輸入一次。
org-err-name-odd = 這不像一個名稱。請直接輸入名稱文字，或點「{ common-cancel }」。
org-err-community-taken = 已經有名為「{ $name }」的社區了。請換一個名稱再輸入。
org-err-grid-taken = 這個社區已經有名為「{ $name }」的網格了。請換一個名稱再輸入。
org-err-building-taken = 這個社區已經有名為「{ $name }」的樓棟了（樓棟名稱在社區內不能重複）。請換一個名稱再輸入。
org-err-gone = 找不到這一項了（可能剛被改動）。請重新打開「🏘 組織架構」。
org-english-name = 🔤 英文名
org-english-line = 英文名：{ $name }（英文界面的用戶看到這個名稱）
org-english-none = 未設置
org-ask-english = 「{ $name }」的英文名是什麼？英文界面的用戶會看到它，輸入時也能認出（如 Sunshine Community）。現在：{ $english }。請輸入英文名（不超過 { $limit } 個字符），輸入 { $clear } 則不設英文名。
org-done-english = ✅ 英文名已設為「{ $name }」。
org-done-english-cleared = ✅ 英文名「{ $before }」已去掉，英文界面顯示中文名稱。
org-done-english-none = 本來就沒有英文名，沒有變化。
org-err-english-latin = 英文名需要有英文字母。請重新輸入，或點「{ common-cancel }」。
org-move-choose = 把「{ $building }」移到哪個網格？
org-move-no-grid = 這個社區只有一個網格。請先新增網格，再移動樓棟。
org-move-confirm = 確定把「{ $building }」移到「{ $grid }」嗎？移動後，這棟樓的居民歸「{ $grid }」，新的訴求由該網格的網格員處理。
org-move-yes = ✅ 確定移動
org-moved = ✅ 「{ $building }」已從「{ $before }」移到「{ $grid }」。
org-move-already = 「{ $building }」已經在「{ $grid }」了，不用再移動。
org-err-move-open = 「{ $building }」還有 { $count } 件未辦結的訴求（{ $numbers }{ $more ->
        [0] {""}
       *[other] 等
    }），現在不能移動：它們正由原網格的工作人員處理，移走樓棟會讓訴求和網格對不上。請等這些訴求辦結後再移動。
admin-invite-used-grid = ✅ { $name } 已通過邀請鏈接成為「{ $community }」的網格員。
admin-invite-admin = 👑 邀請街道管理員
admin-invite-admin-confirm = 👑 <b>邀請街道管理員</b>
    管理員可以處理所有社區的事務，任命和撤銷工作人員，修改組織架構、訴求分類和辦理時限。確定要生成一個管理員邀請鏈接嗎？鏈接只能使用一次，請只發給確定要任命的人。
admin-invite-admin-yes = ✅ 生成管理員邀請鏈接
admin-invite-admin-link = 管理員邀請鏈接（{ $hours } 小時內有效，只能使用一次）：
    { $link }
    請把鏈接發給被任命的管理員，對方點開後點「開始」即可。
admin-invite-admin-again = 這個頁面已經生成過管理員邀請鏈接，見上方消息。還要邀請別人，請重新打開「⚙️ 管理」。
invite-accepted-admin = ✅ 您已成為街道管理員。主菜單裡多了「⚙️ 管理」。
admin-invite-used-admin = ✅ { $name } 已通過邀請鏈接成為街道管理員。

## 再次報到；已通過的黨員/志願者：暫停與恢復
member-review-again = 🔁 再次申請（上次未通過：{ $reason }）
member-again-intro = 您上次的報到未通過（原因：{ $reason }）。下面每一步都會顯示您上次填寫的內容：沒有變化就點「{ member-keep }」，要改就直接輸入新的。
member-keep = ↩️ 沿用上次的
member-list-btn = 👥 已通過的黨員/志願者
member-list-none = 還沒有已通過的黨員/志願者。
member-list-head = 已通過的黨員/志願者：{ $count } 人（第 { $page }/{ $pages } 頁）
member-list-prev = ⬅️ 上一頁
member-list-next = 下一頁 ➡️
member-card = 👤 <b>{ $name }</b>（{ $status }）
    單位：{ $unit }
    手機：{ $phone }
    特長：{ $skills }
    社區：{ $community }
    積分：{ $points }
member-suspend = ⏸ 暫停
member-restore = ▶️ 恢復
member-ask-suspend-reason = 請輸入暫停「{ $name }」的原因（會告知本人）：
member-suspend-claim-reason = 社區暫停了該黨員/志願者的服務：{ $reason }
member-suspended-staff = 已暫停：{ $name }（原因：{ $reason }）。{ $released ->
        [0] 沒有進行中的工單。
       *[other] 交還了 { $released } 個進行中的工單，已重新派發。
    }
member-suspended-user = 您好，社區暫時停止了您的黨員/志願者服務。原因：{ $reason }
    暫停期間不能接單，您手上未完成的工單已交還社區。如有疑問，請聯繫社區。感謝您一直以來的付出！
member-restored-staff = 已恢復：{ $name }
member-restored-user = 🎉 社區恢復了您的黨員/志願者服務，現在可以在「{ menu-order-open }」裡接單了。
member-suspend-stale = 這位黨員/志願者的狀態已經變了：{ member-outcome }。請重新打開名單查看。

## staff and admins name a screen in words (handlers.staff_words)
staff-words-admin-only = 「{ $button }」由街道管理員辦理，請聯繫街道管理員。
staff-words-move = 要把 { $name } 調到「{ $place }」：先點下面的「{ $revoke }」收回 TA 現在的工作人員權限，再點「{ $invite }」（網格員點「{ $invite_grid }」）選好新的社區或網格，把新的邀請鏈接發給 TA。
    TA 經手過的訴求和台賬記錄都會保留。

# a member's own profile (handlers.member_profile, services.member_self)
member-self-none = 只有通過報到的黨員/志願者才能修改技能、服務網格和接單設置。
member-day = { $month }月{ $day }日（{ $weekday ->
        [mon] 週一
        [tue] 週二
        [wed] 週三
        [thu] 週四
        [fri] 週五
        [sat] 週六
       *[sun] 週日
    }）
me-skills-line = 技能：{ $skills }
me-skills-none = 技能：未選
me-custom-line = 其他特長：{ $skills }
me-area-line = 服務區域：{ $area }
me-pause-off = 接單：正常（有合適的新工單會通知您）
me-pause-on-open = 接單：⏸ 已暫停，直到您恢復
me-pause-on-until = 接單：⏸ 已暫停，到{ $date }結束，之後自動恢復
me-btn-skills = 🛠 修改技能
me-btn-area = 📍 修改服務網格
me-btn-pause = ⏸ 暫停接單
me-btn-resume = ▶️ 恢復接單
me-skills-ask = 請勾選您會的技能（可多選）。按鈕上沒有的，直接打字告訴我（比如「開鎖」），會記為其他特長。改好後點「{ me-skills-save }」。
me-skills-current-custom = 其他特長：{ $skills }
me-skills-save = ✅ 保存
me-skills-clear-custom = 🧹 清空其他特長
me-skills-added-said = 已替您加上：{ $skills }。請看一下，沒問題就點「{ me-skills-save }」。
me-skills-saved = ✅ 技能已更新：{ $skills }。以後按新的技能給您發合適的工單。
me-skills-kept = 好的，技能沒有改。
me-area-ask = 您現在服務：{ $area }。請選您要服務的網格（會收到這個網格和全社區的新工單）：
me-area-any = 不限網格（全社區）
me-area-other-community = 要換到別的社區服務，請聯繫社區工作人員。
me-area-confirm = 把您的服務區域改為「{ $area }」嗎？改好後會收到這個網格和全社區的新工單。
me-area-other = 選別的網格
me-area-saved = ✅ 服務區域已改為：{ $area }。
me-area-kept = 好的，服務區域沒有改。
me-area-same = 您現在服務的就是「{ $area }」，不用改。
me-pause-ask = 暫停接單多久？暫停期間不會給您發新工單通知；手上已經接的工單還是您的。要到某一天，也可以直接說，比如「暫停接單到12月20號」。
me-pause-week = 到本週日（{ $date }）
me-pause-open = 一直暫停，直到我恢復
me-pause-confirm-until = 暫停接單到{ $date }結束嗎？這段時間不給您發新工單通知，之後自動恢復；手上已經接的工單還是您的。
me-pause-confirm-open = 暫停接單嗎？暫停後不給您發新工單通知，直到您說「恢復接單」或在「👤 我的資料」裡點「{ me-btn-resume }」；手上已經接的工單還是您的。
me-pause-yes = ⏸ 確認暫停
me-pause-done-until = ⏸ 已暫停接單，到{ $date }結束，之後自動恢復。想提前恢復，說「恢復接單」或在「👤 我的資料」裡點「{ me-btn-resume }」。
me-pause-done-open = ⏸ 已暫停接單。想恢復時，說「恢復接單」或在「👤 我的資料」裡點「{ me-btn-resume }」。
me-pause-kept = 好的，沒有暫停，有合適的新工單照常通知您。
me-resumed = ▶️ 已恢復接單，有合適的新工單會通知您。
me-not-paused = 您現在正常接單，沒有暫停。
member-pause-end-past = 這個日期已經過去了。請說一個以後的日期，比如「到12月20號」。
member-pause-suspended = 社區暫停了您的服務，現在不能自己暫停或恢復接單；有疑問請聯繫社區工作人員。
member-card-paused = ⏸ 本人暫停接單：{ $until }
member-card-paused-open = 直到本人恢復
me-open-paused = ⏸ 您暫停了接單，不會收到新工單通知；下面的工單仍然可以自己接。想恢復，說「恢復接單」。
member-pause-no-such-day = 沒有這一天，請再說一次想暫停到哪天，比如「暫停接單到12月20號」；不定日期的話，說「暫停接單」就行。
me-area-home-hint = 如果是您家搬了，住址請在「👤 我的資料」裡點「🏠 修改住址」改。
me-skills-moved = （技能選擇已移到下面最新的一條消息）
# the end of a member's own pause reached (services.member_jobs): they take orders again, and
# the orders issued meanwhile that still wait and fit them (a 詳情 button each)
member-pause-ended = ▶️ 暫停已結束，恢復接單了：以後有適合您的工單會再通知您。想再暫停，點「👤 我的資料」裡的「{ me-btn-pause }」。
member-pause-ended-orders = 暫停期間發布的 { $count } 件工單還在等人接，適合您：
member-pause-ended-line = • { $number } · { $title } · { $place }
member-pause-ended-more = 還有 { $more } 件，在「{ menu-order-open }」裡看。
member-pause-ended-btn = 📄 { $number } 詳情

# a staff member asking where they work ('我負責哪幾棟樓'), and their profile's line
staff-area-title = 您的工作範圍：
staff-area-grid = • { $community } · { $grid }：{ $buildings }
staff-area-community = • { $community }（全社區）：{ $buildings }
staff-area-no-buildings = 還沒有登記樓棟
staff-area-admin = 您是街道管理員，各個社區都歸您管。看組織架構請發「組織架構」。
staff-area-nowhere = 您現在沒有負責的社區或網格。如有疑問，請聯繫街道管理員。
# '今天誰值班': Linli keeps no roster; the offices and their staff (handlers.staff_words)
staff-duty-no-roster = 鄰里裡沒有值班排班表，今天誰在班請以社區的安排為準。社區辦公室和工作人員：
staff-duty-no-contact = 辦公室的電話、地址和辦公時間還沒有登記（管理員可在「{ admin-org }」裡填寫）。
staff-duty-staff = 工作人員：{ $names }
staff-duty-no-staff = 還沒有登記工作人員。
staff-duty-grid-worker = { $name }（{ $grid }）
# '1號樓有幾戶': residents registered in Linli, within the asker's area
staff-building-count = { $community } { $building }：在鄰里登記的居民 { $residents } 人，{ $households } 戶
# some of them gave no room: counted among the people, in no household
staff-building-no-room = ；另有 { $count } 位居民沒登記房號，算進了人數，沒算進戶數
staff-building-planned = （樓棟資料裡共 { $planned } 戶）
staff-building-note = 這是在鄰里登記了住址的居民，不是人口普查或戶籍的數字。
staff-building-not-yours = 「{ $building }」不在您負責的樓棟裡。
staff-building-unknown = 沒有找到「{ $building }」這棟樓。
profile-area = 工作範圍：{ $places }

# changing community (a member who moved): read back, staff approve as an application
member-move-not-member = 只有已通過審核的黨員/志願者才能申請轉社區。還沒報到的，請點「{ menu-become-member }」。
member-move-pick = 您現在是{ $here }的黨員/志願者。想轉到哪個社區？選好後我會先跟您確認。
member-move-same = 您已經是{ $to }的黨員/志願者了，不用轉。
member-move-ask = 要把您的黨員/志願者身份從{ $here }轉到{ $there }嗎？
    • 確認後，會作為報到申請發給{ $there }的工作人員審核。
    • 審核通過前，您仍是{ $here }的黨員/志願者，照常接單。
    • 通過後改為{ $there }（不限網格），{ $here }的新工單不再通知您；您手上還沒辦完的工單仍由您辦完（或放棄）。
member-move-btn-confirm = ✅ 確認申請轉社區
member-move-cancelled = 好的，沒有申請轉社區，您仍是原社區的黨員/志願者。
member-move-sent = 已把轉社區申請發給{ $there }的工作人員審核，通過後會通知您。在那之前，您仍是{ $here }的黨員/志願者，照常接單。不想轉了，可以點「{ member-move-btn-withdraw }」。
member-move-card = 🔁 黨員/志願者轉社區申請
    { $name }（現為{ $here }的黨員/志願者）申請轉到{ $there }。
    電話：{ $phone }
    工作單位：{ $unit }
    特長：{ $skills }
    同意後他/她改為{ $there }的黨員/志願者（不限網格）；手上還沒辦完的工單仍由本人辦完。
member-move-approve = ✅ 同意轉入
member-move-reject = ❌ 不同意
member-move-approved-card = ✅ 已同意 { $name } 轉入{ $there }（{ $by }）
member-move-rejected-card = ❌ 沒有同意 { $name } 轉入{ $there }（{ $by }）
member-move-approved = ✅ { $there }的工作人員同意了：您現在是{ $there }的黨員/志願者（不限網格），以後有適合您的工單會通知您。您手上還沒辦完的工單仍由您辦完（或放棄）。
member-move-rejected = { $there }的工作人員沒有同意您的轉社區申請。您仍是{ $here }的黨員/志願者，照常接單。有疑問可以聯繫：
member-move-decided = 這個轉社區申請已經處理過了。
# a colleague's copy of the card tapped after it was decided
member-move-decided-by = { $state ->
    [approved] 這個轉社區申請已由 { $by } 在 { $time } 同意轉入，不用再處理。
    [withdrawn] 這個轉社區申請已由 { $by } 本人在 { $time } 撤回，不用再處理。
   *[other] 這個轉社區申請已由 { $by } 在 { $time } 拒絕（不同意轉入），不用再處理。
 }
# asked again while the first request waits: no second card
member-move-pending = 您轉到{ $there }的申請已經發出，正在等{ $there }的工作人員審核，不用再申請；審核後會通知您。在那之前，您仍是原社區的黨員/志願者，照常接單。不想轉了，可以點「{ member-move-btn-withdraw }」。
# the member takes back a request still waiting (the new community never answered)
member-move-btn-withdraw = ↩️ 撤回轉社區申請
member-move-withdrawn = 已撤回轉到{ $there }的申請，{ $there }的工作人員不用再審核了。您仍是{ $here }的黨員/志願者，照常接單；以後想轉，再跟我說就行。
member-move-withdraw-late = { $state ->
    [approved] 撤回不了：{ $there }的工作人員已經同意轉入，您現在是{ $there }的黨員/志願者。
    [declined] 撤回不了：{ $there }的工作人員已經處理了（沒有同意轉入），您仍是原社區的黨員/志願者。
    [withdrawn] 這個轉社區申請已經撤回了，不用再撤。
   *[other] 您現在沒有等待審核的轉社區申請，不用撤回。
 }
# the old community's staff, when a member of theirs is taken in elsewhere
member-move-left-staff = 🔁 { $name } 已轉到{ $there }（{ $there }的工作人員同意了），不再是{ $here }的黨員/志願者，{ $here }的新工單不會再通知他/她。手上還沒辦完的工單仍由本人辦完。

# 🏘 組織架構: a community office's phone, address and opening hours (told to residents in ❓ 幫助)
org-set-phone = ☎️ 改電話
org-set-address = 📍 改地址
org-set-hours = 🕘 改辦公時間
org-contact-none = 未填寫
org-ask-contact = { $field ->
    [phone] 「{ $community }」服務中心的電話改成什麼？現在：{ $now }。請輸入帶區號的座機號（如 021-55500199）或 11 位手機號
    [address] 「{ $community }」服務中心的地址改成什麼？現在：{ $now }。請輸入地址（不超過 { $limit } 個字）
   *[other] 「{ $community }」服務中心的辦公時間改成什麼？現在：{ $now }。請輸入辦公時間（不超過 { $limit } 個字，如：週一至週五 9:00–17:00）
 }；輸入 { $clear } 則清空。居民在「{ menu-help }」和夜間登記時會看到它。
org-contact-confirm = 把「{ $community }」服務中心的{ $field ->
    [phone] 電話
    [address] 地址
   *[other] 辦公時間
 }從「{ $before }」改為「{ $value }」，確定嗎？
org-contact-yes = ✅ 確定修改
org-contact-done = ✅ 「{ $community }」服務中心的{ $field ->
    [phone] 電話
    [address] 地址
   *[other] 辦公時間
 }已改為「{ $value }」，居民現在看到的就是它。
org-contact-cleared = ✅ 已清空「{ $community }」服務中心的{ $field ->
    [phone] 電話
    [address] 地址
   *[other] 辦公時間
 }，居民不再看到這一項。
org-contact-same = 沒有變化：「{ $community }」服務中心的{ $field ->
    [phone] 電話
    [address] 地址
   *[other] 辦公時間
 }仍是「{ $value }」。
org-contact-which = 要改哪個社區服務中心的{ $field ->
    [phone] 電話
    [address] 地址
   *[other] 辦公時間
 }？請選擇社區：
org-err-contact-empty = 內容不能為空。請重新輸入，或點「{ common-cancel }」。
org-err-contact-odd = 這不像要填的內容。請直接輸入文字，或點「{ common-cancel }」。
org-err-contact-long = 太長了（{ $length } 個字），請不超過 { $limit } 個字，再輸入一次。
org-err-contact-phone = 這不像一個電話號碼。請輸入帶區號的座機號（如 021-55500199）、11 位手機號或 400 服務電話（如 400-820-1234），再輸入一次；或點「{ common-cancel }」。
