### Generated from zh-Hans/points.ftl by bot/locales/make_hant.py (OpenCC s2tw and its
### FIXES). Do not edit: change the zh-Hans text and run the script again.

## 🏅 我的積分 (members): this month and in all, the community board by period, the latest entries

points-title = 🏅 <b>我的積分</b>
points-month = 本月：<b>{ $points }</b> 分 · 服務 { $hours } 小時
points-total = 累計：<b>{ $points }</b> 分 · 服務 { $hours } 小時 · 完成 { $done } 單
# $period: points-in-month / -year / -all
points-board-title = <b>{ $community }積分榜 · { $period }</b>
points-board-line = { $rank }. { $name } — { $points } 分（{ $hours } 小時）
points-board-line-me = <b>{ $rank }. { $name }（我） — { $points } 分（{ $hours } 小時）</b>
points-board-gap = ……
points-board-empty = { $period }還沒有人獲得積分。黨員/志願者接單辦完、經社區驗收後，積分就會記到這裡。
points-board-masked = 沒有同意公開姓名的黨員/志願者，只顯示姓氏。
points-rank = 您{ $period }排第 <b>{ $rank }</b> 名（共 { $ranked } 人上榜）。
points-rank-none = 您{ $period }還沒有積分。到「{ menu-order-open }」接單，辦完經社區驗收後就會上榜。
# a member with no name left (they deleted their personal data)
points-anonymous = 志願者
points-recent-title = <b>最近的積分</b>
# $order: the order's number and title
points-recent-line = { $date } · { $order } · +{ $points } 分
points-recent-none = 還沒有積分記錄。到「{ menu-order-open }」接一單試試吧。
points-recent-held = 還沒有積分記錄。您手上正在辦 { $count } 件工單，辦完經社區驗收後，積分就會記到這裡。
points-in-month = 本月
points-in-year = 今年
points-in-all = 累計
points-btn-month = 本月
points-btn-year = 今年
points-btn-all = 全部
points-btn-current = ✓ { $label }
points-date = { $year ->
        [none] {""}
       *[other] { $year }年
    }{ $month }月{ $day }日
