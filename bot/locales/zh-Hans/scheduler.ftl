## Scheduler: digests, reports, staff alerts

scheduler-user-blocked = ⚠️ 居民 { $name } 已屏蔽本机器人，收不到我们的消息了。如有要紧事，请电话或上门联系。
scheduler-digest = <b>📊 { $community } · 上周小结</b>
    新登记居民：{ $residents } 人
    待审核的报到申请：{ $members } 份
    发出的通知：{ $notices } 条
    已屏蔽机器人的居民：{ $blocked } 人
scheduler-rates = 响应率 { $response } · 解决率 { $resolution } · 满意率 { $satisfaction }
scheduler-digest-orders = 📋 上周收到诉求 { $filed } 件，其中已办结 { $resolved } 件
scheduler-digest-no-orders = 📋 上周没有收到诉求
scheduler-digest-open = 目前待受理 { $waiting } 件{ $urgent ->
        [0] {""}
       *[other] （紧急 { $urgent } 件）
    }，待核验 { $verify } 件，超期未办结 { $overdue } 件
scheduler-digest-urges = ⏰ 上周居民催办 { $count } 次（{ $matters } 件诉求）
scheduler-digest-member = { $name } { $orders } 单
scheduler-digest-members = 🏅 上周服务最多：{ $names }
scheduler-monthly-orders = 　上月诉求 { $filed } 件
scheduler-digest-consult = 🗳 上周议事：开会 { $held } 场（签到 { $checkins } 人），结束投票 { $polls } 个，新议题 { $topics } 个
scheduler-digest-minutes-due = 📝 开过会还没发纪要：{ $count } 场（在「{ menu-consult-staff }」里发）
scheduler-digest-topics-waiting = 💡 等待处理的议题：{ $count } 个
scheduler-digest-meetings-ahead = 📅 本周议事会：{ $count } 场
scheduler-monthly-title = <b>📈 月度报告</b>
scheduler-monthly-line = { $community }：居民 { $residents } 人（上月新增 { $new } 人），发出消息 { $sent } 条，未送达 { $failed } 条
