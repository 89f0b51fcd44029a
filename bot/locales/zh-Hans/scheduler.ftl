## Scheduler: digests, reports, staff alerts

scheduler-user-blocked = ⚠️ 居民 { $name } 已屏蔽本机器人，收不到我们的消息了。如有要紧事，请电话或上门联系。
scheduler-digest = <b>📊 { $community } · 上周小结</b>
    新登记居民：{ $residents } 人
    待审核的报到申请：{ $members } 份
    发出的通知：{ $notices } 条
    已屏蔽机器人的居民：{ $blocked } 人
scheduler-monthly-title = <b>📈 月度报告</b>
scheduler-monthly-line = { $community }：居民 { $residents } 人（本月新增 { $new } 人），发出消息 { $sent } 条，未送达 { $failed } 条
