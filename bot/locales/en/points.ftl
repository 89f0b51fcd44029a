## 🏅 My points (members): this month and in all, the community board by period, the latest entries

points-title = 🏅 <b>My points</b>
points-month = This month: <b>{ $points }</b> points · { $hours } h of service
points-total = In all: <b>{ $points }</b> points · { $hours } h of service · { $done } orders done
# $period: points-in-month / -year / -all
points-board-title = <b>{ $community } leaderboard · { $period }</b>
points-board-line = { $rank }. { $name } — { $points } points ({ $hours } h)
points-board-line-me = <b>{ $rank }. { $name } (you) — { $points } points ({ $hours } h)</b>
points-board-gap = …
points-board-empty = Nobody has earned points { $period } yet. Points are credited here once a member's order is done and verified by the community.
points-board-masked = Members who did not agree to be named publicly are shown by the first letter of their name only.
points-rank = You are <b>No. { $rank }</b> { $period } ({ $ranked } on the board).
points-rank-none = You have no points { $period } yet. Claim an order in "{ menu-order-open }"; once it is done and verified you are on the board.
# a member with no name left (they deleted their personal data)
points-anonymous = Volunteer
points-recent-title = <b>Latest points</b>
# $order: the order's number and title
points-recent-line = { $date } · { $order } · +{ $points }
points-recent-none = No points yet. Try claiming an order in "{ menu-order-open }".
points-recent-held = No points yet. You have { $count ->
        [one] one order
       *[other] { $count } orders
    } in hand: once done and checked by the community, the points show here.
points-in-month = this month
points-in-year = this year
points-in-all = overall
points-btn-month = This month
points-btn-year = This year
points-btn-all = All time
points-btn-current = ✓ { $label }
points-date = { $day } { $month ->
        [1] Jan
        [2] Feb
        [3] Mar
        [4] Apr
        [5] May
        [6] Jun
        [7] Jul
        [8] Aug
        [9] Sep
        [10] Oct
        [11] Nov
       *[12] Dec
    }{ $year ->
        [none] {""}
       *[other] {" "}{ $year }
    }
