### Generated from zh-Hans/urges.ftl by bot/locales/make_hant.py (OpenCC s2tw and its
### FIXES). Do not edit: change the zh-Hans text and run the script again.

## 催辦: a resident urges a request that is taking too long (services/urges.py)

order-btn-urge = ⏰ 催一下
order-action-urge = 催辦
urge-reason-no-response = 久未受理
urge-reason-overdue = 超過辦理時限
order-xlsx-urges = 催辦次數
urge-done = ⏰ 已為您催辦訴求 { $number }，{ $who ->
        [members] 已提醒接單的黨員/志願者和派單的社區工作人員
       *[staff] 已提醒負責的社區工作人員
    }盡快處理。
    { $time } 之後如果還沒有進展，可以再催一次。
urge-done-night = 🌙 現在是夜間免打擾時段，提醒會在 { $time } 送達。如有危險或急病，請直接撥打 110 / 119 / 120。
urge-err-recent = 您已經催辦過這件訴求了，{ $time } 之後可以再催一次。
urge-err-early = 這件訴求還在辦理時限內，{ $time } 之後如果還沒有進展，就可以催辦。
urge-err-closed = 這件訴求已經辦結或不再辦理，不需要催辦了。
urge-view-recent = ⏰ 您已催辦 { $count } 次，最近一次在 { $time }；{ $next } 之後可以再催。
urge-view-later = 如果到 { $time } 還沒有進展，可以在這裡催辦。
urge-queue-mark = ⏰ 催辦 { $count } 次
urge-card-line = ⏰ 居民已催辦 { $count } 次，最近一次在 { $time }
urge-notice-staff = ⏰ 居民催辦：訴求 { $number }（{ $category }）已等待 { $days ->
        [0] { $hours } 小時
       *[other] { $days } 天
    }，當前狀態：{ $status ->
        [new] 待受理
        [reopened] 重新辦理
        [ordered] 已派單
        [handling] 社區辦理中
       *[transferred] 已轉辦
    }。這是第 { $count } 次催辦，請盡快處理。
urge-notice-member = ⏰ 居民催辦：您接的工單 { $order }（{ $title }）對應的訴求 { $number } 已等待 { $days ->
        [0] { $hours } 小時
       *[other] { $days } 天
    }。這是第 { $count } 次催辦，請盡快辦理；如有困難請聯繫社區。
order-stats-urges = 居民催辦 { $urges } 次，涉及 { $matters } 件訴求
