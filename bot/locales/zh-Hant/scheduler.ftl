### Generated from zh-Hans/scheduler.ftl by bot/locales/make_hant.py (OpenCC s2tw and its
### FIXES). Do not edit: change the zh-Hans text and run the script again.

## Scheduler: digests, reports, staff alerts

scheduler-user-blocked = ⚠️ 居民 { $name } 已屏蔽本機器人，收不到我們的消息了。如有要緊事，請電話或上門聯繫。
scheduler-digest = <b>📊 { $community } · 上週小結</b>
    新登記居民：{ $residents } 人
    待審核的報到申請：{ $members } 份
    發出的通知：{ $notices } 條
    已屏蔽機器人的居民：{ $blocked } 人
scheduler-monthly-title = <b>📈 月度報告</b>
scheduler-monthly-line = { $community }：居民 { $residents } 人（本月新增 { $new } 人），發出消息 { $sent } 條，未送達 { $failed } 條
