### Generated from zh-Hans/scheduler.ftl by bot/locales/make_hant.py (OpenCC s2tw and its
### FIXES). Do not edit: change the zh-Hans text and run the script again.

## Scheduler: digests, reports, staff alerts

scheduler-user-blocked = ⚠️ 居民 { $name } 已屏蔽本機器人，收不到我們的消息了。如有要緊事，請電話或上門聯繫。
scheduler-digest = <b>📊 { $community } · 上週小結</b>
    新登記居民：{ $residents } 人
    待審核的報到申請：{ $members } 份
    發出的通知：{ $notices } 條
    已屏蔽機器人的居民：{ $blocked } 人
scheduler-rates = 響應率 { $response } · 解決率 { $resolution } · 滿意率 { $satisfaction }
scheduler-digest-orders = 📋 上週收到訴求 { $filed } 件，其中已辦結 { $resolved } 件
scheduler-digest-no-orders = 📋 上週沒有收到訴求
scheduler-digest-open = 目前待受理 { $waiting } 件{ $urgent ->
        [0] {""}
       *[other] （緊急 { $urgent } 件）
    }，待核驗 { $verify } 件，超期未辦結 { $overdue } 件
scheduler-digest-urges = ⏰ 上週居民催辦 { $count } 次（{ $matters } 件訴求）
scheduler-digest-member = { $name } { $orders } 單
scheduler-digest-members = 🏅 上週服務最多：{ $names }
scheduler-monthly-orders = 　上月訴求 { $filed } 件
scheduler-digest-consult = 🗳 上週議事：開會 { $held } 場（簽到 { $checkins } 人），結束投票 { $polls } 個，新議題 { $topics } 個
scheduler-digest-minutes-due = 📝 開過會還沒發紀要：{ $count } 場（在「{ menu-consult-staff }」裡發）
scheduler-digest-topics-waiting = 💡 等待處理的議題：{ $count } 個
scheduler-digest-meetings-ahead = 📅 本週議事會：{ $count } 場
scheduler-monthly-title = <b>📈 月度報告</b>
scheduler-monthly-line = { $community }：居民 { $residents } 人（上月新增 { $new } 人），發出消息 { $sent } 條，未送達 { $failed } 條
