"""Text normalisation shared by the classifier, urgency rules, keywords and duplicates."""

from __future__ import annotations

import re
import unicodedata
from html.entities import html5

# Traditional -> Simplified for the characters that matter in community requests. Written for
# this project as (traditional, simplified) pairs; a character missing here still gets through
# as itself, and the character n-grams of the classifier tolerate the odd one.
_T2S_PAIRS = (
    "電电 燈灯 氣气 體体 爐炉 樓楼 層层 門门 號号 區区 處处 業业 費费 醫医 療疗 藥药 "
    "養养 殘残 險险 災灾 報报 護护 證证 補补 貼贴 車车 輛辆 場场 聲声 鄰邻 糾纠 紛纷 "
    "衛卫 環环 綠绿 髒脏 亂乱 擾扰 鬧闹 噸吨 熱热 開开 關关 壞坏 維维 請请 問问 題题 "
    "們们 這这 個个 為为 裡里 裏里 後后 麼么 沒没 說说 話话 還还 會会 時时 間间 現现 "
    "發发 變变 從从 對对 應应 該该 給给 幾几 來来 過过 經经 驗验 點点 頭头 邊边 樣样 "
    "讓让 廳厅 廚厨 廁厕 臺台 陽阳 戶户 單单 園园 廣广 帶带 騎骑 動动 線线 飛飞 掛挂 "
    "拋抛 墜坠 傷伤 暈晕 夠够 幫帮 願愿 誌志 義义 務务 員员 網网 黨党 長长 計计 劃划 "
    "條条 紙纸 寫写 碼码 機机 錢钱 買买 賣卖 貨货 價价 錯错 狀状 況况 態态 屬属 學学 "
    "習习 兒儿 孫孙 爺爷 媽妈 親亲 獨独 聯联 繫系 係系 聽听 見见 視视 覺觉 診诊 檢检 "
    "預预 約约 針针 辦办 續续 勞劳 職职 稅税 貧贫 難难 輪轮 竊窃 搶抢 詐诈 騙骗 盜盗 "
    "鎖锁 滅灭 煙烟 燒烧 設设 備备 導导 轉转 達达 遠远 運运 輸输 樹树 葉叶 蟲虫 蒼苍 "
    "蠅蝇 溝沟 積积 漲涨 濕湿 滲渗 龍龙 閥阀 錶表 鍋锅 風风 調调 響响 裝装 飾饰 鑽钻 "
    "擊击 鬥斗 罵骂 寵宠 貓猫 糞粪 圍围 欄栏 牆墙 損损 舊旧 廢废 棄弃 雜杂 櫃柜 庫库 "
    "佔占 擋挡 隨随 違违 規规 據据 聞闻 謝谢 煩烦 盡尽 緊紧 連连 週周 鐘钟 鐵铁 銹锈 "
    "壓压 隻只 雙双 兩两 萬万 億亿 歲岁 與与 於于 並并 無无 齊齐 專专 飯饭 館馆 準准 "
    "則则 標标 識识 認认 試试 詢询 諮咨 議议 論论 講讲 記记 錄录 檔档 齡龄 領领 隊队 "
    "優优 貸贷 銀银 傳传 癥症 術术 觸触 燙烫 喚唤 撥拨 殺杀 級级 鬆松 緩缓 窩窝 猶犹 "
    "嗎吗 幹干 乾干 淨净 潔洁 掃扫 灑洒 澆浇 漢汉 語语 讀读 書书 課课 輔辅 參参 選选 "
    "舉举 稱称 權权 賠赔 償偿 訴诉 審审 執执 質质 慮虑 憂忧 擔担 負负 責责 歡欢 將将 "
    "頂顶 鍵键 範范 構构 築筑 礎础 屆届 換换 絡络 訊讯 頻频 寬宽 軟软 腦脑 額额 進进 "
    "財财 產产 盤盘 雲云 陰阴 纜缆 驚惊 嚇吓 嚴严 極极 頓顿 嘔呕 癢痒 腫肿 瘡疮 門门 "
    "鬧闹 罰罚 漿浆 攤摊 販贩 噴喷 灣湾 廈厦 莊庄 鎮镇 縣县 團团 舖铺 鋪铺 駛驶 駕驾 "
    "禍祸 撞撞 闖闯 紅红 綫线 櫥橱 窪洼 淺浅 潰溃 濫滥 餵喂 嬰婴 孕孕 婦妇 啟启 註注 "
    "冊册 銷销 臨临 惡恶 臟脏 倉仓 級级 懸悬 滯滞 虧亏 遲迟 緣缘 頸颈 腳脚 腦脑 膽胆 "
    "腸肠 藥药 醬酱 獎奖 蓋盖 竊窃 鑰钥 匙匙 憑凭 資资 貿贸 糧粮 饑饥 餓饿 殯殡 項项 葬葬 "
    "彈弹 爭争 鬥斗 筆笔 術术 團团 剛刚 雖虽 斷断 續续 壩坝 濾滤 淨净 廠厂 礦矿 擴扩 "
    "穩稳 禮礼 數数 閉闭 諧谐 師师 別别 涼凉 靈灵 異异 滿满 評评 讚赞"
)
_T2S = {pair[0]: pair[1] for pair in _T2S_PAIRS.split() if len(pair) == 2 and pair[0] != pair[1]}
_T2S_TABLE = str.maketrans(_T2S)
_SPACE_RE = re.compile(r"\s+")


def to_simplified(text: str) -> str:
    """Map the Traditional characters we know to Simplified ones."""
    return text.translate(_T2S_TABLE)


# An HTML character reference typed as it is (pasted from a web page: &amp;, &quot;, &#38;),
# also escaped again (&amp;quot;). Telegram gives a message's text as typed, so it is markup,
# not a word: 'amp' was a keyword.
_CHAR_REF_RE = re.compile(r"&(?:amp;)*(?:#[0-9]{1,7}|#x[0-9a-f]{1,6}|([a-z][a-z0-9]{1,31}));")


def _drop_char_ref(match: re.Match[str]) -> str:
    name = match.group(1)
    return " " if name is None or name + ";" in html5 else match.group()


def normalize(text: str) -> str:
    """NFKC (full-width to half-width), lower case, Simplified characters, HTML character
    references typed as they are (&amp;) taken out in one pass, single spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = to_simplified(text).lower()
    if "&" in text:
        text = _CHAR_REF_RE.sub(_drop_char_ref, text)
    return _SPACE_RE.sub(" ", text).strip()


def is_han(char: str) -> bool:
    """Whether a character is a CJK unified ideograph."""
    return "\u4e00" <= char <= "\u9fff"


# Captions a phone or an app writes by itself: a camera's or a chat app's file name
# (IMG_20231102_083015.jpg, DSC01234, mmexport1699…, 微信图片_2023…, Screenshot_…), or any file
# name without a Chinese word in it (photo.jpg). They say nothing about the request.
_CAMERA_NAME_RE = re.compile(
    r"(?:img|dscn?|dscf|pxl|mvimg|mmexport|wx_camera|screenshot|截屏|截图|微信图片|photo|image)"
    r"[a-z0-9_\-.()]*\d[a-z0-9_\-.()]*",
    re.IGNORECASE,
)
_FILE_NAME_RE = re.compile(
    r"[\w\-. ()]+\.(?:jpe?g|png|heic|heif|gif|webp|bmp|tiff?|mp4|mov)", re.IGNORECASE
)


def is_file_name_caption(caption: str) -> bool:
    """Whether a photo's caption is only a file name the phone or an app put there."""
    caption = unicodedata.normalize("NFKC", caption).strip()
    if not caption:
        return True
    if _CAMERA_NAME_RE.fullmatch(caption):
        return True
    return bool(_FILE_NAME_RE.fullmatch(caption)) and not any(is_han(ch) for ch in caption)


def with_caption(text: str, caption: str | None) -> str:
    """A request's text with a photo's caption added: file names and a caption the text
    already has (the same caption on every photo of an album) are left out."""
    caption = (caption or "").strip()
    if not caption or is_file_name_caption(caption):
        return text
    if caption in text:
        return text
    return (text + "\n" + caption).strip()
