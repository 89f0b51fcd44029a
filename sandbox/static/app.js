/* Linli sandbox web chat: acts as demo users through the driver API (/sandbox/api/). */
"use strict";

const API = "/sandbox/api";

const I18N = {
  zh: {
    title: "邻里 Linli 沙盒", botReady: "机器人在线", botWaiting: "等待机器人…", search: "搜索",
    users: "用户", groups: "群组与频道",
    hint: "每个浏览器标签页可以扮演一个不同的用户。",
    welcomeTitle: "欢迎来到邻里沙盒",
    welcomeText: "在左侧选择一位演示用户或一个群组，就可以和机器人聊天了。无需 Telegram 账号，一切都在本机运行。",
    speakAs: "发言身份", channelReadonly: "这是一个频道：只有机器人可以发布消息。", start: "开始",
    sendPhoto: "发送照片", shareLocation: "发送位置", shareContact: "分享手机号", recordVoice: "语音：按一下开始录，再按一下发送", recording: "正在录音…再按一下麦克风发送", noMic: "没有可用的麦克风，请选一个音频文件", keyboard: "键盘",
    send: "发送", typeMessage: "输入消息…", privateWith: "与机器人的私聊", blocked: "已屏蔽机器人",
    members: "名成员", channel: "频道", group: "群组", supergroup: "超级群组",
    edited: "已编辑", deleted: "此消息已被删除", today: "今天", replyingTo: "回复：",
    noAnswer: "机器人没有回应这个按钮", unsupported: "沙盒中不支持此按钮", photo: "照片",
    location: "位置", contact: "联系人", voice: "语音消息", document: "文件", poll: "投票",
    anonymousPoll: "匿名投票", publicPoll: "公开投票", quiz: "测验", closed: "已结束",
    votes: "票", menu: "菜单", sendFailed: "发送失败：", notStarted: "尚未开始与机器人对话", you: "我",
    roles: { admin: "街道管理员", staff: "社区工作者", grid: "网格员", member: "党员/志愿者",
      resident: "居民", new: "新用户", volunteer: "志愿者" },
  },
  "zh-Hant": {
    title: "鄰里 Linli 沙盒", botReady: "機器人在線", botWaiting: "等待機器人…", search: "搜索",
    users: "用戶", groups: "群組與頻道",
    hint: "每個瀏覽器標籤頁可以扮演一個不同的用戶。",
    welcomeTitle: "歡迎來到鄰里沙盒",
    welcomeText: "在左側選擇一位演示用戶或一個群組，就可以和機器人聊天了。無需 Telegram 賬號，一切都在本機運行。",
    speakAs: "發言身份", channelReadonly: "這是一個頻道：只有機器人可以發布消息。", start: "開始",
    sendPhoto: "發送照片", shareLocation: "發送位置", shareContact: "分享手機號", recordVoice: "語音：按一下開始錄，再按一下發送", recording: "正在錄音…再按一下麥克風發送", noMic: "沒有可用的麥克風，請選一個音頻文件", keyboard: "鍵盤",
    send: "發送", typeMessage: "輸入消息…", privateWith: "與機器人的私聊", blocked: "已屏蔽機器人",
    members: "名成員", channel: "頻道", group: "群組", supergroup: "超級群組",
    edited: "已編輯", deleted: "此消息已被刪除", today: "今天", replyingTo: "回覆：",
    noAnswer: "機器人沒有回應這個按鈕", unsupported: "沙盒中不支持此按鈕", photo: "照片",
    location: "位置", contact: "聯繫人", voice: "語音消息", document: "文件", poll: "投票",
    anonymousPoll: "匿名投票", publicPoll: "公開投票", quiz: "測驗", closed: "已結束",
    votes: "票", menu: "菜單", sendFailed: "發送失敗：", notStarted: "尚未開始與機器人對話", you: "我",
    roles: { admin: "街道管理員", staff: "社區工作者", grid: "網格員", member: "黨員/志願者",
      resident: "居民", new: "新用戶", volunteer: "志願者" },
  },
  en: {
    title: "Linli Sandbox", botReady: "Bot online", botWaiting: "Waiting for the bot…", search: "Search",
    users: "Users", groups: "Groups & channels",
    hint: "Each browser tab can act as a different user.",
    welcomeTitle: "Welcome to the Linli sandbox",
    welcomeText: "Pick a demo user or a group on the left to chat with the bot. No Telegram account needed; everything runs on this machine.",
    speakAs: "Speak as", channelReadonly: "This is a channel: only the bot can post.", start: "Start",
    sendPhoto: "Send a photo", shareLocation: "Send location", shareContact: "Share phone number", recordVoice: "Voice: tap to record, tap again to send", recording: "Recording… tap the microphone again to send", noMic: "No microphone available: pick an audio file",
    keyboard: "Keyboard", send: "Send", typeMessage: "Message…", privateWith: "private chat with the bot",
    blocked: "has blocked the bot", members: "members", channel: "channel", group: "group",
    supergroup: "supergroup", edited: "edited", deleted: "This message was deleted", today: "Today",
    replyingTo: "Replying to: ", noAnswer: "The bot did not answer this button",
    unsupported: "This button is not supported in the sandbox", photo: "Photo", location: "Location",
    contact: "Contact", voice: "Voice message", document: "File", poll: "Poll",
    anonymousPoll: "Anonymous poll", publicPoll: "Public poll", quiz: "Quiz", closed: "Closed",
    votes: "votes", menu: "Menu", sendFailed: "Sending failed: ", notStarted: "has not started the bot", you: "Me",
    roles: { admin: "Admin", staff: "Community staff", grid: "Grid worker", member: "Member",
      resident: "Resident", new: "New user", volunteer: "Volunteer" },
  },
};

// the page's own language: the header button goes zh → en → zh-Hant → zh, naming the next one
const PAGE_LANGS = {
  zh: { html: "zh-Hans", dates: "zh-CN", next: "en", button: "EN" },
  en: { html: "en", dates: "en-GB", next: "zh-Hant", button: "繁" },
  "zh-Hant": { html: "zh-Hant", dates: "zh-Hant", next: "zh", button: "简" },
};
const storedLang = localStorage.getItem("linli-sandbox-lang");

const state = {
  lang: storedLang in PAGE_LANGS ? storedLang : "zh",
  users: [], groups: [], botReady: false,
  chatId: null, speakAs: null, messages: [], lastId: 0,
  rendered: new Map(), loopToken: 0, abort: null,
  kbHidden: false, replyTo: null, myVotes: {}, stickUntil: 0, commands: [], recorder: null,
};

const $ = (id) => document.getElementById(id);

/* Inline SVG icons: the page must look right offline, without emoji fonts. */
const svg = (body) => `<svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">${body}</svg>`;
const ICONS = {
  camera: svg('<path d="M23 19a2 2 0 0 1-2 2H3a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h4l2-3h6l2 3h4a2 2 0 0 1 2 2z"/><circle cx="12" cy="13" r="4"/>'),
  pin: svg('<path d="M21 10c0 7-9 13-9 13s-9-6-9-13a9 9 0 0 1 18 0z"/><circle cx="12" cy="10" r="3"/>'),
  user: svg('<path d="M20 21v-2a4 4 0 0 0-4-4H8a4 4 0 0 0-4 4v2"/><circle cx="12" cy="7" r="4"/>'),
  phone: svg('<path d="M22 16.9v3a2 2 0 0 1-2.2 2 19.8 19.8 0 0 1-8.6-3.1 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 2.1 4.2 2 2 0 0 1 4.1 2h3a2 2 0 0 1 2 1.7c.1 1 .4 1.9.7 2.8a2 2 0 0 1-.5 2.1L8.1 9.8a16 16 0 0 0 6 6l1.3-1.3a2 2 0 0 1 2.1-.4c.9.3 1.8.6 2.8.7a2 2 0 0 1 1.7 2z"/>'),
  keyboard: svg('<rect x="2" y="6" width="20" height="12" rx="2"/><path d="M6 10h.01M10 10h.01M14 10h.01M18 10h.01M7 14h10"/>'),
  send: svg('<path d="M22 2 11 13"/><path d="M22 2 15 22l-4-9-9-4z"/>'),
  file: svg('<path d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z"/><path d="M14 2v6h6"/>'),
  mic: svg('<path d="M12 1a3 3 0 0 0-3 3v8a3 3 0 0 0 6 0V4a3 3 0 0 0-3-3z"/><path d="M19 10v2a7 7 0 0 1-14 0v-2M12 19v4"/>'),
  group: svg('<path d="M17 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 4v2"/><circle cx="9" cy="7" r="4"/><path d="M23 21v-2a4 4 0 0 0-3-3.9M16 3.1a4 4 0 0 1 0 7.8"/>'),
  channel: svg('<path d="M3 11v2a1 1 0 0 0 1 1h2l5 4V6L6 10H4a1 1 0 0 0-1 1z"/><path d="M15.5 8.5a5 5 0 0 1 0 7M19 5a10 10 0 0 1 0 14"/>'),
  poll: svg('<path d="M18 20V10M12 20V4M6 20v-6"/>'),
  trash: svg('<path d="M3 6h18M8 6V4h8v2M19 6l-1 14H6L5 6"/>'),
  link: svg('<path d="M18 13v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h6M15 3h6v6M10 14 21 3"/>'),
};
const t = (key) => I18N[state.lang][key] ?? I18N.en[key] ?? key;

/* ---------------------------------------------------------------- helpers */

async function api(method, path, body) {
  const opts = { method, headers: {} };
  if (body !== undefined) {
    opts.headers["Content-Type"] = "application/json";
    opts.body = JSON.stringify(body);
  }
  if (method === "GET" && state.abort && path.startsWith("wait")) opts.signal = state.abort.signal;
  const resp = await fetch(`${API}/${path}`, opts);
  const data = await resp.json().catch(() => ({}));
  if (!resp.ok) throw new Error(data.error || `HTTP ${resp.status}`);
  return data;
}

function esc(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

const PALETTE = ["#e17076", "#faa774", "#a695e7", "#7bc862", "#6ec9cb", "#65aadd", "#ee7aae", "#2f9e74"];
function avatar(el, name, id) {
  el.textContent = (name || "?").trim().charAt(0).toUpperCase() || "?";
  el.style.background = PALETTE[Math.abs(Number(id) || 0) % PALETTE.length];
}

function roleKey(role) {
  const r = (role || "").toLowerCase();
  for (const k of ["admin", "staff", "grid", "member", "resident", "volunteer", "new"]) {
    if (r.includes(k)) return k;
  }
  return "";
}
function roleLabel(role) {
  const k = roleKey(role);
  return (k && I18N[state.lang].roles[k]) || role;
}

function fullName(u) {
  if (!u) return "";
  return [u.first_name, u.last_name].filter(Boolean).join(" ");
}

function timeOf(unix) {
  const d = new Date(unix * 1000);
  return d.toLocaleTimeString(PAGE_LANGS[state.lang].dates, { hour: "2-digit", minute: "2-digit" });
}
function dayOf(unix) {
  const d = new Date(unix * 1000);
  if (d.toDateString() === new Date().toDateString()) return t("today");
  return d.toLocaleDateString(PAGE_LANGS[state.lang].dates, { month: "long", day: "numeric", weekday: "short" });
}

function safeUrl(url) {
  return /^(https?:|tg:|mailto:)/i.test(url || "") ? url : "#";
}

/* Render text with Bot API entities (offsets are UTF-16 code units, as JS strings are). */
function renderEntities(text, entities) {
  const list = (entities || []).slice().sort((a, b) => a.offset - b.offset || b.length - a.length);
  const wrap = (e, inner) => {
    switch (e.type) {
      case "bold": return `<b>${inner}</b>`;
      case "italic": return `<i>${inner}</i>`;
      case "underline": return `<u>${inner}</u>`;
      case "strikethrough": return `<s>${inner}</s>`;
      case "spoiler": return `<span class="spoiler" data-spoiler>${inner}</span>`;
      case "code": return `<code>${inner}</code>`;
      case "pre": return `<pre>${inner}</pre>`;
      case "text_link": return `<a href="${esc(safeUrl(e.url))}" target="_blank" rel="noopener">${inner}</a>`;
      case "url": return `<a href="${esc(safeUrl(text.substr(e.offset, e.length)))}" target="_blank" rel="noopener">${inner}</a>`;
      case "blockquote": return `<blockquote>${inner}</blockquote>`;
      case "expandable_blockquote": return `<blockquote class="expandable" data-expand>${inner}</blockquote>`;
      case "bot_command": case "mention": case "hashtag": return `<a href="#" data-command="${esc(text.substr(e.offset, e.length))}">${inner}</a>`;
      default: return inner;
    }
  };
  const build = (start, end, items) => {
    let out = "";
    let pos = start;
    let i = 0;
    while (i < items.length) {
      const e = items[i];
      if (e.offset < pos || e.offset >= end) { i++; continue; }
      out += esc(text.slice(pos, e.offset));
      const eEnd = Math.min(e.offset + e.length, end);
      const children = [];
      let j = i + 1;
      while (j < items.length && items[j].offset < eEnd) { children.push(items[j]); j++; }
      out += wrap(e, build(e.offset, eEnd, children));
      pos = eEnd;
      i = j;
    }
    return out + esc(text.slice(pos, end));
  };
  return build(0, text.length, list);
}

function toast(text) {
  const el = $("toast");
  el.textContent = text;
  el.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { el.hidden = true; }, 2600);
}
function alertBox(text) {
  $("modal-text").textContent = text;
  $("modal").hidden = false;
  $("modal-ok").focus();
}

/* ---------------------------------------------------------------- i18n */

function applyLang() {
  document.documentElement.lang = PAGE_LANGS[state.lang].html;
  $("lang").textContent = PAGE_LANGS[state.lang].button;
  document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll("[data-i18n-placeholder]").forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  document.querySelectorAll("[data-i18n-title]").forEach((el) => { el.title = t(el.dataset.i18nTitle); });
  $("bot-status").textContent = state.botReady ? t("botReady") : t("botWaiting");
  renderLists();
  if (state.chatId !== null) { renderHeader(); state.rendered.clear(); $("messages").innerHTML = ""; renderMessages(); }
}

/* ---------------------------------------------------------------- sidebar */

async function loadLists() {
  try {
    const [users, groups, health] = await Promise.all([api("GET", "users"), api("GET", "groups"), api("GET", "health")]);
    state.users = users.users;
    state.groups = groups.groups;
    state.botReady = !!health.bot_ready;
    $("bot-dot").classList.toggle("ready", state.botReady);
    $("bot-status").textContent = state.botReady ? t("botReady") : t("botWaiting");
    renderLists();
    if (state.chatId !== null) { renderHeader(); loadCommands(); }
  } catch (err) { /* the emulator may be restarting */ }
}

/* The bot's command menu for this chat (setMyCommands), like Telegram's "Menu" button. */
async function loadCommands() {
  const chatId = state.chatId;
  const from = me();
  if (chatId === null || !from) return;
  try {
    const data = await api("GET", `commands?chat=${chatId}&user=${from}`);
    if (chatId !== state.chatId) return;
    const sig = JSON.stringify(data.commands);
    if (sig === state.commandsSig) return;
    state.commandsSig = sig;
    state.commands = data.commands;
    $("menu-btn").hidden = state.commands.length === 0;
    const pop = $("menu-pop");
    pop.innerHTML = "";
    for (const c of state.commands) {
      const item = document.createElement("button");
      item.type = "button";
      item.innerHTML = `<span class="cmd">/${esc(c.command)}</span><span class="desc">${esc(c.description)}</span>`;
      item.addEventListener("click", () => { pop.hidden = true; sendText("/" + c.command); });
      pop.append(item);
    }
  } catch (err) { /* no menu */ }
}

function renderLists() {
  const q = $("filter").value.trim().toLowerCase();
  const match = (s) => !q || s.toLowerCase().includes(q);
  const ul = $("user-list");
  ul.innerHTML = "";
  for (const u of state.users.filter((u) => u.started)) {
    const name = fullName(u);
    if (!match(`${name} ${u.username || ""} ${u.role || ""} ${roleLabel(u.role)} ${u.id}`)) continue;
    const li = document.createElement("li");
    li.dataset.chat = u.id;
    li.className = state.chatId === u.id ? "active" : "";
    const av = document.createElement("div");
    av.className = "avatar";
    avatar(av, u.first_name, u.id);
    const meta = document.createElement("div");
    meta.className = "meta";
    const badge = u.role ? `<span class="badge role-${roleKey(u.role)}">${esc(roleLabel(u.role))}</span>` : "";
    const blocked = u.blocked ? `<span class="badge blocked">⛔</span>` : "";
    meta.innerHTML = `<div class="name">${esc(name)}${badge}${blocked}</div><div class="detail">${u.username ? "@" + esc(u.username) + " · " : ""}ID ${u.id}</div>`;
    li.append(av, meta);
    li.addEventListener("click", () => openChat(u.id));
    ul.append(li);
  }
  const gl = $("group-list");
  gl.innerHTML = "";
  for (const g of state.groups) {
    if (!match(`${g.title} ${g.type} ${g.id}`)) continue;
    const li = document.createElement("li");
    li.dataset.chat = g.id;
    li.className = state.chatId === g.id ? "active" : "";
    const av = document.createElement("div");
    av.className = "avatar";
    avatar(av, g.title, g.id);
    const meta = document.createElement("div");
    meta.className = "meta";
    const icon = `<span class="gi">${g.type === "channel" ? ICONS.channel : ICONS.group}</span>`;
    const detail = g.type === "channel" ? t("channel") : `${t(g.type)} · ${g.members.length} ${t("members")}`;
    meta.innerHTML = `<div class="name">${icon}${esc(g.title)}</div><div class="detail">${esc(detail)}</div>`;
    li.append(av, meta);
    li.addEventListener("click", () => openChat(g.id));
    gl.append(li);
  }
}

/* ---------------------------------------------------------------- chat */

function currentGroup() { return state.groups.find((g) => g.id === state.chatId) || null; }
function userById(id) { return state.users.find((u) => u.id === id) || null; }
function me() { return state.chatId > 0 ? state.chatId : state.speakAs; }

function renderHeader() {
  const g = currentGroup();
  const u = state.chatId > 0 ? userById(state.chatId) : null;
  const name = g ? g.title : fullName(u) || String(state.chatId);
  $("chat-name").textContent = name;
  avatar($("chat-avatar"), name, state.chatId);
  if (g) {
    $("chat-sub").textContent = g.type === "channel" ? t("channel") : `${t(g.type)} · ${g.members.length} ${t("members")}`;
    const sel = $("speak-as");
    const wrap = $("speak-as-wrap");
    wrap.hidden = g.type === "channel" || g.members.length === 0;
    const prev = state.speakAs;
    sel.innerHTML = "";
    for (const id of g.members) {
      const mu = userById(id);
      const opt = document.createElement("option");
      opt.value = id;
      opt.textContent = `${fullName(mu) || id}${mu && mu.role ? " · " + roleLabel(mu.role) : ""}`;
      sel.append(opt);
    }
    if (!g.members.includes(prev)) state.speakAs = g.members[0] ?? null;
    sel.value = state.speakAs ?? "";
  } else {
    $("speak-as-wrap").hidden = true;
    const bits = [];
    if (u && u.role) bits.push(roleLabel(u.role));
    bits.push(u && u.blocked ? t("blocked") : t("privateWith"));
    $("chat-sub").textContent = bits.join(" · ");
  }
  const isChannel = g && g.type === "channel";
  $("composer-form").hidden = !!isChannel;
  $("readonly").hidden = !isChannel;
}

function openChat(chatId) {
  if (state.abort) state.abort.abort();
  state.chatId = chatId;
  state.messages = [];
  state.lastId = 0;
  state.rendered.clear();
  state.kbHidden = false;
  state.replyTo = null;
  $("messages").innerHTML = "";
  $("empty").hidden = true;
  $("conversation").hidden = false;
  document.body.classList.add("in-chat");
  const params = new URLSearchParams({ chat: chatId });
  if (chatId < 0 && state.speakAs) params.set("as", state.speakAs);
  history.replaceState(null, "", `#${params}`);
  renderLists();
  renderHeader();
  state.commandsSig = null;
  $("menu-pop").hidden = true;
  $("menu-btn").hidden = true;
  loadCommands();
  refresh().then(() => startLoop());
  $("text").focus();
}

async function refresh() {
  if (state.chatId === null) return;
  const chatId = state.chatId;
  try {
    const data = await api("GET", `chats/${chatId}/messages?since=0`);
    if (chatId !== state.chatId) return;
    state.messages = data.messages;
    state.lastId = data.messages.length ? data.messages[data.messages.length - 1].message_id : 0;
    renderMessages();
  } catch (err) { /* keep what we have */ }
}

function startLoop() {
  const token = ++state.loopToken;
  state.abort = new AbortController();
  const chatId = state.chatId;
  (async () => {
    while (token === state.loopToken && chatId === state.chatId) {
      try {
        await api("GET", `wait?chat=${chatId}&since=${state.lastId}&timeout=25`);
        if (token !== state.loopToken) return;
        await refresh();
      } catch (err) {
        if (err.name === "AbortError" || token !== state.loopToken) return;
        await new Promise((r) => setTimeout(r, 1500));
      }
    }
  })();
}

function senderName(m) {
  if (m.from && m.from.is_bot) return m.from.first_name;
  return fullName(m.from);
}

function contentHtml(m) {
  let html = "";
  if (m.reply_to_message) {
    const r = m.reply_to_message;
    html += `<div class="quote-reply">↩ ${esc(senderName(r))}: ${esc((r.text || r.caption || "").slice(0, 80))}</div>`;
  }
  if (m.photo && m.photo.length) {
    const big = m.photo[m.photo.length - 1];
    html += `<img class="photo" alt="${esc(t("photo"))}" src="${API}/files/${encodeURIComponent(big.file_id)}" data-full="${API}/files/${encodeURIComponent(big.file_id)}">`;
  }
  if (m.document) {
    const d = m.document;
    html += `<a class="file-chip" href="${API}/files/${encodeURIComponent(d.file_id)}" download="${esc(d.file_name || "file")}"><span class="icon">${ICONS.file}</span><span><div class="title">${esc(d.file_name || t("document"))}</div><div class="small">${Math.max(1, Math.round((d.file_size || 0) / 1024))} KB</div></span></a>`;
  }
  if (m.voice) {
    // a note to listen to (a resident's, forwarded to staff), with its length as m:ss
    const secs = Math.max(0, Math.round(m.voice.duration || 0));
    const len = `${Math.floor(secs / 60)}:${String(secs % 60).padStart(2, "0")}`;
    const src = `${API}/files/${encodeURIComponent(m.voice.file_id)}`;
    html += `<div class="card voice"><span class="icon">${ICONS.mic}</span><span><div class="title">${esc(t("voice"))}</div><div class="small">${len}</div><audio controls preload="none" src="${src}"></audio></span></div>`;
  }
  if (m.location) {
    const { latitude, longitude } = m.location;
    html += `<div class="card"><span class="icon">${ICONS.pin}</span><span><div class="title">${esc(t("location"))}</div><div class="small">${latitude.toFixed(5)}, ${longitude.toFixed(5)}</div></span></div>`;
  }
  if (m.contact) {
    const c = m.contact;
    html += `<div class="card"><span class="icon">${ICONS.phone}</span><span><div class="title">${esc([c.first_name, c.last_name].filter(Boolean).join(" "))}</div><div class="small">${esc(c.phone_number)}</div></span></div>`;
  }
  if (m.poll) html += pollHtml(m.poll);
  if (m.text !== undefined) html += `<div class="text">${renderEntities(m.text, m.entities)}</div>`;
  if (m.caption) html += `<div class="text">${renderEntities(m.caption, m.caption_entities)}</div>`;
  return html;
}

function pollHtml(p) {
  const total = p.total_voter_count || 0;
  const mine = state.myVotes[`${p.id}:${me()}`] || [];
  const kind = p.type === "quiz" ? t("quiz") : p.is_anonymous ? t("anonymousPoll") : t("publicPoll");
  let html = `<div class="poll"><div class="q"><span class="qi">${ICONS.poll}</span>${esc(p.question)}</div><div class="kind">${esc(kind)}${p.is_closed ? " · " + esc(t("closed")) : ""}</div>`;
  p.options.forEach((o, i) => {
    const pct = total ? Math.round((o.voter_count / total) * 100) : 0;
    html += `<button type="button" class="poll-opt${mine.includes(i) ? " mine" : ""}" data-poll="${esc(p.id)}" data-option="${i}" ${p.is_closed ? "disabled" : ""}><div class="bar" style="width:${pct}%"></div><span>${mine.includes(i) ? "✓ " : ""}${esc(o.text)}</span><span class="count">${o.voter_count} · ${pct}%</span></button>`;
  });
  return html + `<div class="kind">${total} ${esc(t("votes"))}</div></div>`;
}

function keyboardHtml(m) {
  const kb = m.reply_markup && m.reply_markup.inline_keyboard;
  if (!kb || m.deleted) return "";
  let html = `<div class="inline-kb">`;
  kb.forEach((row, r) => {
    html += `<div class="inline-row">`;
    row.forEach((b, c) => {
      const ext = b.url ? `<span class="ext">${ICONS.link}</span>` : "";
      html += `<button type="button" data-mid="${m.message_id}" data-row="${r}" data-col="${c}">${esc(b.text)}${ext}</button>`;
    });
    html += `</div>`;
  });
  return html + `</div>`;
}

function renderMessages() {
  const box = $("messages");
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
  const mine = me();
  let lastDay = null;
  let prev = null;
  let appended = false;
  for (const m of state.messages) {
    const day = dayOf(m.date);
    const sig = JSON.stringify(m) + "|" + mine + "|" + state.lang + "|" + JSON.stringify(state.myVotes) + "|" + (day !== lastDay);
    const showDay = day !== lastDay;
    lastDay = day;
    let el = state.rendered.get(m.message_id);
    if (el && el.dataset.sig === sig) { prev = el; continue; }
    const fresh = buildRow(m, mine, showDay ? day : null);
    fresh.dataset.sig = sig;
    if (el) {
      el.replaceWith(fresh);
      if (m.edited) fresh.querySelector(".bubble")?.classList.add("flash");
    } else {
      if (prev && prev.nextSibling) box.insertBefore(fresh, prev.nextSibling);
      else box.append(fresh);
      appended = true;
    }
    state.rendered.set(m.message_id, fresh);
    prev = fresh;
  }
  renderReplyKeyboard();
  renderStart();
  if (atBottom || appended) {
    box.scrollTop = box.scrollHeight;
    state.stickUntil = Date.now() + 1500;
  }
}

function buildRow(m, mine, day) {
  const wrap = document.createElement("div");
  wrap.dataset.mid = m.message_id;
  wrap.className = "msg";
  if (day) wrap.innerHTML = `<div class="day"><span>${esc(day)}</span></div>`;
  const fromBot = m.from && m.from.is_bot;
  const out = !fromBot && m.from && m.from.id === mine;
  const row = document.createElement("div");
  row.className = `row ${out ? "out" : "in"}`;
  const isGroup = state.chatId < 0;
  if (!out) {
    const av = document.createElement("div");
    av.className = "avatar";
    avatar(av, senderName(m), fromBot ? 1 : m.from && m.from.id);
    if (fromBot) av.style.background = "linear-gradient(135deg, #37b488, #1f7f8c)";
    row.append(av);
  }
  const bw = document.createElement("div");
  bw.className = "bubble-wrap";
  const bubble = document.createElement("div");
  bubble.className = "bubble" + (m.deleted ? " deleted" : "");
  const who = !out && (isGroup || fromBot) ? `<div class="sender">${esc(senderName(m))}</div>` : "";
  const body = m.deleted ? `<div class="text"><span class="gi">${ICONS.trash}</span>${esc(t("deleted"))}</div>` : contentHtml(m);
  const edited = m.edited ? `<span class="edited">${esc(t("edited"))}</span>` : "";
  bubble.innerHTML = `${who}${body}<div class="meta-line">${edited}${timeOf(m.edit_date || m.date)}</div>`;
  bw.append(bubble);
  const kb = keyboardHtml(m);
  if (kb) bw.insertAdjacentHTML("beforeend", kb);
  row.append(bw);
  wrap.append(row);
  return wrap;
}

/* The reply keyboard in force: the latest bot reply_markup that sets or removes one. */
function currentReplyKeyboard() {
  let kb = null;
  let kbIndex = -1;
  let force = null;
  state.messages.forEach((m, i) => {
    const rm = m.reply_markup;
    if (m.from && m.from.is_bot && rm) {
      if (rm.keyboard) { kb = rm; kbIndex = i; }
      else if (rm.remove_keyboard) { kb = null; }
      if (rm.force_reply) force = m; else if (!m.deleted) force = null;
    } else if (m.from && m.from.is_bot) {
      force = null;
    }
    if (m.from && !m.from.is_bot && m.from.id === me()) force = null;
  });
  if (kb && kb.one_time_keyboard) {
    const usedAfter = state.messages.slice(kbIndex + 1).some((m) => m.from && !m.from.is_bot && m.from.id === me());
    if (usedAfter) kb = null;
  }
  return { kb, force };
}

function renderReplyKeyboard() {
  const { kb, force } = currentReplyKeyboard();
  const box = $("reply-keyboard");
  state.replyTo = force ? force.message_id : null;
  $("reply-banner").hidden = !force;
  if (force) $("reply-banner").textContent = t("replyingTo") + (force.text || force.caption || "").slice(0, 60);
  if (force && force.reply_markup.input_field_placeholder) $("text").placeholder = force.reply_markup.input_field_placeholder;
  else if (kb && kb.input_field_placeholder) $("text").placeholder = kb.input_field_placeholder;
  else $("text").placeholder = t("typeMessage");
  $("toggle-kb").hidden = !kb;
  if (!kb || state.kbHidden) { box.hidden = true; box.innerHTML = ""; return; }
  box.hidden = false;
  box.innerHTML = "";
  kb.keyboard.forEach((row) => {
    const r = document.createElement("div");
    r.className = "kb-row";
    row.forEach((b) => {
      const btn = document.createElement("button");
      btn.type = "button";
      btn.textContent = b.text;
      if (b.request_contact || b.request_location) btn.classList.add("special");
      btn.addEventListener("click", () => {
        if (b.request_contact) shareContact();
        else if (b.request_location) shareLocation();
        else sendText(b.text);
      });
      r.append(btn);
    });
    box.append(r);
  });
}

function renderStart() {
  const empty = state.messages.length === 0 && state.chatId > 0;
  $("start-wrap").hidden = !empty;
}

/* ---------------------------------------------------------------- actions */

async function send(body) {
  const from = me();
  if (!from) return;
  const payload = { from, ...body };
  if (state.chatId < 0) payload.chat = state.chatId;
  if (state.replyTo && !payload.reply_to_message_id) payload.reply_to_message_id = state.replyTo;
  try {
    await api("POST", "send", payload);
    await refresh();
    loadLists();
  } catch (err) {
    toast(t("sendFailed") + err.message);
  }
}

function sendText(text) {
  if (!text.trim()) return;
  return send({ text });
}

function ownPhone(id) {
  return "+86138" + String(id).padStart(8, "0").slice(-8);
}
function shareContact() { return send({ contact: { phone_number: ownPhone(me()) } }); }
function shareLocation() {
  const id = Number(me()) || 0;
  const jitter = ((id % 97) - 48) / 10000;
  return send({ location: { latitude: 31.2304 + jitter, longitude: 121.4737 - jitter } });
}

async function sendPhoto(file) {
  const dataUrl = await new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = reject;
    reader.readAsDataURL(file);
  });
  const caption = $("text").value;
  $("text").value = "";
  autoGrow();
  return send({ photo: { name: file.name, base64: String(dataUrl).split(",")[1] }, text: caption || undefined });
}

function blobBase64(blob) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(",")[1]);
    reader.onerror = reject;
    reader.readAsDataURL(blob);
  });
}

async function sendVoice(blob, seconds) {
  return send({ voice: { base64: await blobBase64(blob), duration: Math.max(1, Math.round(seconds)) } });
}

// A voice note as a resident would send one: tap the microphone, speak, tap again. Without a
// microphone (or permission) an audio file is picked instead.
async function toggleVoice() {
  if (state.recorder) { state.recorder.stop(); return; }
  let stream = null;
  try {
    if (navigator.mediaDevices && window.MediaRecorder) {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    }
  } catch (err) {
    stream = null;
  }
  if (!stream) { toast(t("noMic")); $("voice-input").click(); return; }
  const chunks = [];
  const started = Date.now();
  const rec = new MediaRecorder(stream);
  rec.ondataavailable = (ev) => { if (ev.data && ev.data.size) chunks.push(ev.data); };
  rec.onstop = () => {
    stream.getTracks().forEach((track) => track.stop());
    state.recorder = null;
    $("record-voice").classList.remove("recording");
    $("toast").hidden = true;
    sendVoice(new Blob(chunks, { type: rec.mimeType || "audio/ogg" }), (Date.now() - started) / 1000);
  };
  state.recorder = rec;
  rec.start();
  $("record-voice").classList.add("recording");
  toast(t("recording"));
}

async function sendVoiceFile(file) {
  const url = URL.createObjectURL(file);
  const seconds = await new Promise((resolve) => {
    const audio = new Audio();
    audio.onloadedmetadata = () => resolve(Number.isFinite(audio.duration) ? audio.duration : 1);
    audio.onerror = () => resolve(1);
    audio.src = url;
  });
  URL.revokeObjectURL(url);
  return sendVoice(file, seconds);
}

async function tapInline(btn) {
  const mid = Number(btn.dataset.mid);
  const m = state.messages.find((x) => x.message_id === mid);
  const b = m && m.reply_markup.inline_keyboard[Number(btn.dataset.row)][Number(btn.dataset.col)];
  if (!b) return;
  if (b.url) { window.open(safeUrl(b.url), "_blank", "noopener"); return; }
  if (b.copy_text) { navigator.clipboard?.writeText(b.copy_text.text || ""); return; }
  if (b.callback_data === undefined) { toast(t("unsupported")); return; }
  btn.classList.add("pending");
  try {
    const payload = { from: me(), message_id: mid, data: b.callback_data };
    if (state.chatId < 0) payload.chat = state.chatId;
    const res = await api("POST", "click", payload);
    const ans = res.answer;
    if (ans && ans.url) window.open(safeUrl(ans.url), "_blank", "noopener");
    if (ans && ans.text) (ans.show_alert ? alertBox : toast)(ans.text);
  } catch (err) {
    toast(err.message);
  } finally {
    btn.classList.remove("pending");
    refresh();
  }
}

async function votePoll(btn) {
  const pollId = btn.dataset.poll;
  const option = Number(btn.dataset.option);
  const msg = state.messages.find((m) => m.poll && m.poll.id === pollId);
  const key = `${pollId}:${me()}`;
  let chosen = [option];
  if (msg && msg.poll.allows_multiple_answers) {
    const cur = new Set(state.myVotes[key] || []);
    if (cur.has(option)) cur.delete(option); else cur.add(option);
    chosen = [...cur].sort();
  }
  try {
    await api("POST", "vote", { from: me(), poll_id: pollId, option_ids: chosen });
    state.myVotes[key] = chosen;
    await refresh();
  } catch (err) {
    toast(err.message);
  }
}

function autoGrow() {
  const el = $("text");
  el.style.height = "auto";
  el.style.height = Math.min(el.scrollHeight, 140) + "px";
}

/* ---------------------------------------------------------------- wiring */

function wire() {
  $("lang").addEventListener("click", () => {
    state.lang = PAGE_LANGS[state.lang].next;
    localStorage.setItem("linli-sandbox-lang", state.lang);
    applyLang();
  });
  $("filter").addEventListener("input", renderLists);
  $("back").addEventListener("click", () => {
    document.body.classList.remove("in-chat");
  });
  $("composer-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const text = $("text").value;
    if (!text.trim()) return;
    $("text").value = "";
    autoGrow();
    sendText(text);
  });
  $("text").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      $("composer-form").requestSubmit();
    }
  });
  $("text").addEventListener("input", autoGrow);
  $("attach").addEventListener("click", () => $("photo-input").click());
  $("photo-input").addEventListener("change", (ev) => {
    const file = ev.target.files[0];
    ev.target.value = "";
    if (file) sendPhoto(file);
  });
  $("record-voice").addEventListener("click", toggleVoice);
  $("voice-input").addEventListener("change", (ev) => {
    const file = ev.target.files[0];
    ev.target.value = "";
    if (file) sendVoiceFile(file);
  });
  $("share-location").addEventListener("click", shareLocation);
  $("share-contact").addEventListener("click", shareContact);
  $("toggle-kb").addEventListener("click", () => { state.kbHidden = !state.kbHidden; renderReplyKeyboard(); });
  $("start-btn").addEventListener("click", () => sendText("/start"));
  $("menu-btn").addEventListener("click", (ev) => {
    ev.stopPropagation();
    $("menu-pop").hidden = !$("menu-pop").hidden;
  });
  document.addEventListener("click", (ev) => {
    if (!ev.target.closest("#menu-pop")) $("menu-pop").hidden = true;
  });
  $("speak-as").addEventListener("change", (ev) => {
    state.speakAs = Number(ev.target.value);
    const params = new URLSearchParams({ chat: state.chatId, as: state.speakAs });
    history.replaceState(null, "", `#${params}`);
    state.rendered.clear();
    $("messages").innerHTML = "";
    renderMessages();
    state.commandsSig = null;
    loadCommands();
  });
  $("modal-ok").addEventListener("click", () => { $("modal").hidden = true; });
  // Photos load after the list is laid out: keep the view at the bottom while they do.
  $("messages").addEventListener("load", () => {
    if (Date.now() < state.stickUntil) $("messages").scrollTop = $("messages").scrollHeight;
  }, true);
  window.addEventListener("hashchange", () => {
    const params = new URLSearchParams(location.hash.slice(1));
    const chat = Number(params.get("chat"));
    if (params.get("as")) state.speakAs = Number(params.get("as"));
    if (chat && chat !== state.chatId) openChat(chat);
  });
  $("messages").addEventListener("click", (ev) => {
    const target = ev.target.closest("button, img.photo, [data-spoiler], [data-expand], a[data-command]");
    if (!target) return;
    if (target.matches(".inline-row button")) tapInline(target);
    else if (target.matches(".poll-opt")) votePoll(target);
    else if (target.matches("img.photo")) window.open(target.dataset.full, "_blank", "noopener");
    else if (target.matches("[data-spoiler]")) target.classList.add("shown");
    else if (target.matches("[data-expand]")) target.classList.toggle("open");
    else if (target.matches("a[data-command]")) {
      ev.preventDefault();
      const cmd = target.dataset.command;
      if (cmd.startsWith("/")) sendText(cmd);
    }
  });
}

async function main() {
  document.querySelectorAll("[data-icon]").forEach((el) => { el.innerHTML = ICONS[el.dataset.icon] || ""; });
  wire();
  applyLang();
  await loadLists();
  setInterval(loadLists, 4000);
  setInterval(() => { if (state.chatId !== null && !document.hidden) refresh(); }, 5000);
  const params = new URLSearchParams(location.hash.slice(1));
  const chat = Number(params.get("chat"));
  if (params.get("as")) state.speakAs = Number(params.get("as"));
  if (chat) openChat(chat);
}

main();
