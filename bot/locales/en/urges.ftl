## 催办: a resident urges a request that is taking too long (services/urges.py)

order-btn-urge = ⏰ Hurry up
order-action-urge = Urged
urge-reason-no-response = no response yet
urge-reason-overdue = past its deadline
order-xlsx-urges = Urges
urge-done = ⏰ Request { $number } urged: { $who ->
        [members] the volunteers on its order and the staff member who issued it were reminded
       *[staff] the community staff in charge were reminded
    } to take care of it soon.
    If nothing moves, you can urge it again after { $time }.
urge-done-night = 🌙 It is quiet hours now: the reminder goes out at { $time }. In danger or a medical emergency, call 110 / 119 / 120.
urge-err-recent = You have urged this request already; you can urge it again after { $time }.
urge-err-early = This request is still within its time limit; if nothing moves by { $time }, you can urge it.
urge-err-closed = This request is finished or no longer handled; there is nothing to urge.
urge-view-recent = ⏰ You urged it { $count } time(s) (last: { $time }); you can urge again after { $next }.
urge-view-later = If nothing moves by { $time }, you can urge it here.
urge-queue-mark = ⏰ urged { $count }×
urge-card-line = ⏰ Urged by the resident { $count } time(s) (last: { $time })
urge-notice-staff = ⏰ A resident urges request { $number } ({ $category }): waiting for { $days ->
        [0] { $hours } hour(s)
       *[other] { $days } days
    }, now { $status ->
        [new] waiting to be taken up
        [reopened] reopened
        [ordered] ordered
        [handling] handled by the community
       *[transferred] transferred
    }. Urge no. { $count }; please see to it soon.
urge-notice-member = ⏰ A resident urges request { $number } of your order { $order } ({ $title }): waiting for { $days ->
        [0] { $hours } hour(s)
       *[other] { $days } days
    }. Urge no. { $count }; please do it soon, or tell the community what holds it up.
order-stats-urges = { $urges } urge(s) by residents, on { $matters } request(s)
