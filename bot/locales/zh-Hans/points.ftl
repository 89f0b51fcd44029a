## 🏅 我的积分 (members): this month and in all, the community board by period, the latest entries

points-title = 🏅 <b>我的积分</b>
points-month = 本月：<b>{ $points }</b> 分 · 服务 { $hours } 小时
points-total = 累计：<b>{ $points }</b> 分 · 服务 { $hours } 小时 · 完成 { $done } 单
# $period: points-in-month / -year / -all
points-board-title = <b>{ $community }积分榜 · { $period }</b>
points-board-line = { $rank }. { $name } — { $points } 分（{ $hours } 小时）
points-board-line-me = <b>{ $rank }. { $name }（我） — { $points } 分（{ $hours } 小时）</b>
points-board-gap = ……
points-board-empty = { $period }还没有人获得积分。党员/志愿者接单办完、经社区验收后，积分就会记到这里。
points-board-masked = 没有同意公开姓名的党员/志愿者，只显示姓氏。
points-rank = 您{ $period }排第 <b>{ $rank }</b> 名（共 { $ranked } 人上榜）。
points-rank-none = 您{ $period }还没有积分。到「{ menu-order-open }」接单，办完经社区验收后就会上榜。
# a member with no name left (they deleted their personal data)
points-anonymous = 志愿者
points-recent-title = <b>最近的积分</b>
# $order: the order's number and title
points-recent-line = { $date } · { $order } · +{ $points } 分
points-recent-none = 还没有积分记录。到「{ menu-order-open }」接一单试试吧。
points-recent-held = 还没有积分记录。您手上正在办 { $count } 件工单，办完经社区验收后，积分就会记到这里。
points-in-month = 本月
points-in-year = 今年
points-in-all = 累计
points-btn-month = 本月
points-btn-year = 今年
points-btn-all = 全部
points-btn-current = ✓ { $label }
points-date = { $year ->
        [none] {""}
       *[other] { $year }年
    }{ $month }月{ $day }日
