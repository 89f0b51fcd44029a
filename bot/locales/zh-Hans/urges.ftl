## 催办: a resident urges a request that is taking too long (services/urges.py)

order-btn-urge = ⏰ 催一下
order-action-urge = 催办
urge-reason-no-response = 久未受理
urge-reason-overdue = 超过办理时限
order-xlsx-urges = 催办次数
urge-done = ⏰ 已为您催办诉求 { $number }，{ $who ->
        [members] 已提醒接单的党员/志愿者和派单的社区工作人员
       *[staff] 已提醒负责的社区工作人员
    }尽快处理。
    { $time } 之后如果还没有进展，可以再催一次。
urge-done-night = 🌙 现在是夜间免打扰时段，提醒会在 { $time } 送达。如有危险或急病，请直接拨打 110 / 119 / 120。
urge-err-recent = 您已经催办过这件诉求了，{ $time } 之后可以再催一次。
urge-err-early = 这件诉求还在办理时限内，{ $time } 之后如果还没有进展，就可以催办。
urge-err-closed = 这件诉求已经办结或不再办理，不需要催办了。
urge-view-recent = ⏰ 您已催办 { $count } 次，最近一次在 { $time }；{ $next } 之后可以再催。
urge-view-later = 如果到 { $time } 还没有进展，可以在这里催办。
urge-queue-mark = ⏰ 催办 { $count } 次
urge-card-line = ⏰ 居民已催办 { $count } 次，最近一次在 { $time }
urge-notice-staff = ⏰ 居民催办：诉求 { $number }（{ $category }）已等待 { $days ->
        [0] { $hours } 小时
       *[other] { $days } 天
    }，当前状态：{ $status ->
        [new] 待受理
        [reopened] 重新办理
        [ordered] 已派单
        [handling] 社区办理中
       *[transferred] 已转办
    }。这是第 { $count } 次催办，请尽快处理。
urge-notice-member = ⏰ 居民催办：您接的工单 { $order }（{ $title }）对应的诉求 { $number } 已等待 { $days ->
        [0] { $hours } 小时
       *[other] { $days } 天
    }。这是第 { $count } 次催办，请尽快办理；如有困难请联系社区。
order-stats-urges = 居民催办 { $urges } 次，涉及 { $matters } 件诉求
