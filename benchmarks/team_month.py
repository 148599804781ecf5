"""A month of contacts for two teams of a fictional operator, each agent with a fixed quality profile.

    python -m benchmarks.team_month > examples/month/northwind-2026-05.jsonl
    python -m benchmarks.team_month --out examples/month/northwind-2026-05.jsonl   # the same bytes

Why: the hand-written examples have 2-5 contacts per agent, too few for an agent scorecard
(servqual's ``min_contacts: 10``), a rank test against peers or a weekly trend. This writes
May 2026 (ISO weeks 19-22) for "Northwind Mobile" (北风通信): team ``billing`` in English
(a31 strong, a32 average and improving, a33 weak, a34 a new starter in the last week) and
team ``tech-support`` in Simplified Chinese (a41 strong, a42 average and improving, a43 weak
and sometimes asks for a password or verification code, a44 a new starter).

Each contact rolls the agent's profile (``LEVELS``): greeting, courtesy, acknowledgement,
the customer's name, empathy, an apology on a complaint, ownership, urgency, confirming
details, the next step, a reference number, a written confirmation, an offer of further
help and a farewell; and the bad habits: passing the buck, rude or blaming words, asking for
a secret, long silences on a call, cutting the customer off. The sentences are written for
this file and use the phrasings rubrics/servqual.yml looks for, so scores follow profiles.
The customer's last words follow how they were treated. Calls carry turn times, chats none.
One seeded ``random.Random`` drives everything: the same seed gives the same bytes. The only
card number is the public Visa test number and the only phone number 138 0013 8000.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from benchmarks.synth import SPEECH_RATE

SEED = 20260501
CARD, PHONE = "4111 1111 1111 1111", "138 0013 8000"
COMPLAINT_RATE, CALL_RATE, PII_RATE = 0.15, 0.55, 0.04
WEEKS = [date(2026, 5, 4) + timedelta(days=d) for d in range(0, 28, 7)]  # Mondays of ISO weeks 19-22

# Probability of each behaviour in one contact, by level: strong, average, weak, new starter.
LEVELS: dict[str, tuple[float, float, float, float]] = {
    "greet": (0.98, 0.90, 0.55, 0.95), "courtesy": (0.98, 0.85, 0.50, 0.95), "ack": (0.95, 0.75, 0.55, 0.85),
    "name": (0.90, 0.50, 0.15, 0.60), "empathy": (0.85, 0.50, 0.20, 0.60), "apology": (0.95, 0.65, 0.30, 0.75),
    "ownership": (0.90, 0.55, 0.20, 0.30), "urgency": (0.80, 0.45, 0.20, 0.30), "confirm": (0.85, 0.50, 0.20, 0.70),
    "next_step": (0.95, 0.75, 0.45, 0.50), "reference": (0.85, 0.50, 0.20, 0.40), "written": (0.85, 0.50, 0.20, 0.60),
    "further_help": (0.90, 0.60, 0.40, 0.85), "farewell": (0.95, 0.80, 0.45, 0.90),
    "buck": (0.00, 0.06, 0.35, 0.10), "rude": (0.00, 0.03, 0.20, 0.00), "secret": (0.00, 0.00, 0.00, 0.00),
    "silence": (0.03, 0.12, 0.40, 0.10), "interrupt": (0.00, 0.05, 0.25, 0.05),
}
BAD = ("buck", "rude", "secret", "silence", "interrupt")


@dataclass(frozen=True)
class Agent:
    id: str
    team: str
    lang: str
    level: int  # column of LEVELS
    contacts: int
    name: str  # how the agent introduces themself: a first name or a staff number
    trend: float = 0.0  # per week, added to the good behaviours and taken from the bad (coaching)
    first_week: int = 0  # new starters join late
    extra: tuple[tuple[str, float], ...] = ()  # overrides of LEVELS

    def odds(self, week: int) -> dict[str, float]:
        shift = self.trend * (week - 1.5)  # centred: the month as a whole stays at the agent's level
        # a habit the level never shows is not picked up by a bad week
        odds = {k: v[self.level] + (-shift if k in BAD else shift) if v[self.level] else 0.0 for k, v in LEVELS.items()}
        odds.update(self.extra)
        return {k: min(1.0, max(0.0, v)) for k, v in odds.items()}


AGENTS = [
    Agent("a31", "billing", "en", 0, 30, "Dana"), Agent("a32", "billing", "en", 1, 28, "Sam", trend=0.08),
    Agent("a33", "billing", "en", 2, 26, "Lee", trend=0.04), Agent("a34", "billing", "en", 3, 4, "Jo", first_week=3),
    Agent("a41", "tech-support", "zh", 0, 30, "8041"), Agent("a42", "tech-support", "zh", 1, 25, "8042", trend=0.08),
    Agent("a43", "tech-support", "zh", 2, 24, "8043", trend=0.04, extra=(("secret", 0.15),)),
    Agent("a44", "tech-support", "zh", 3, 3, "8044", first_week=3),
]

# queue, opening, the same opening as a complaint, what the agent finds, the fix, the read-back, the next step
SCENARIOS = {"en": [
    ("payments", "Hi, my bank statement shows two payments of {amt} for the same bill.",
     "You've taken {amt} twice for the same bill and it's the second time this has happened. This is unacceptable.",
     "I can see the bill was paid by direct debit and then again by card on the {day}th.",
     "I can send the card payment back to you.", "So to confirm, it's the card payment of {amt} that goes back, correct?",
     "It will reach your bank within three to five working days."),
    ("plans", "I'd like to move to a cheaper plan, I hardly use any data these days.",
     "I've been paying {amt} a month for data I never use and nobody told me about cheaper plans. I'm not happy.",
     "You use about two gigabytes a month, so the 5 GB plan at £12 a month would suit you.",
     "I can switch you over to that plan.", "Just to confirm, the 5 GB plan at £12 a month from your next bill, is that right?",
     "The new plan takes effect from your next billing date."),
    ("payments", "Could I move my direct debit to the 15th of each month?",
     "Your direct debit went out before my salary came in and my bank charged me for it. I'm fed up with this.",
     "I can see the payment currently goes out on the 1st.", "I can move the collection date to the 15th.",
     "Can I confirm that's the 15th of every month, starting in June?", "The change will take effect from your June bill."),
    ("invoices", "I need copies of my last three bills for my accountant.",
     "I asked for copies of my bills two weeks ago and never received them. This is ridiculous.",
     "I can see the March, April and May bills on your account.", "I can put copies of those three together for you.",
     "Just to double-check, you'd like March, April and May, is that right?", "You'll receive all three today."),
    ("roaming", "I'm off to Spain next week and want to check what roaming will cost me.",
     "My bill shows {amt} of roaming for one weekend in Spain. That's outrageous.",
     "I can see your plan doesn't include the Europe pass yet.", "I can add the Europe pass to this number.",
     "So you'd like the Europe pass on the number ending in 4417, is that correct?",
     "The pass will be applied before your trip and shows on your next bill."),
    ("accounts", "I've moved house and need to update my billing address.",
     "I changed my address online a month ago and my bill still went to the old flat. Not good enough.",
     "I can see the old address is still on the account.", "I can change it to your new address.",
     "Let me read that back: 14 Harbour Lane, Bristol BS1 4QT, is that right?", "Your next bill will be sent to the new address."),
    ("invoices", "There's a £5 late fee on my bill and I'd like to understand it.",
     "You charged me a late fee even though I paid on time. That's not fair.",
     "Your payment reached us a day after the due date because of the bank holiday.", "I can take the £5 fee off.",
     "Just to confirm, that's the £5 fee on your May bill?", "The £5 will be credited on your next bill."),
], "zh": [
    ("broadband", "你好，我家晚上看视频有点卡，想请你们帮忙看看线路。", "你们的宽带晚上天天掉线，我已经打了好几次电话了，到底怎么回事？",
     "我这边看到您家线路晚上的信号衰减比较大，是光猫参数的问题。", "我远程给您重新配置一下光猫的参数。",
     "跟您确认一下，光猫是放在客厅的那台，对吗？", "明天上午会有工作人员联系您确认效果。"),
    ("mobile", "我刚换了新手机，想问一下流量要怎么设置。", "我新换的手机装上卡以后上不了网，营业厅说是你们的问题，太不负责任了！",
     "您的号码流量功能是正常的，应该是手机里的接入点没有配置。", "我一步一步教您设置接入点。",
     "跟您确认一下，您的手机是安卓系统，对吗？", "设置保存以后重启手机，就能看到信号旁边的5G标志了。"),
    ("tv", "我家电视机顶盒开机以后一直停在启动画面，想请你们看看。", "电视机顶盒又停在启动画面了，上周刚修过，什么破盒子！",
     "机顶盒的软件版本比较旧，需要升级。", "我从后台给机顶盒推送最新的软件。",
     "跟您确认一下，是客厅那台机顶盒，对吗？", "升级完成后机顶盒会自动重启，就可以正常看了。"),
    ("broadband", "我家房子比较大，卧室的无线信号有点弱，有什么办法吗？", "你们装的路由器信号太差了，卧室根本连不上，我要投诉！",
     "您家现在只有一台路由器，覆盖范围有限。", "我帮您申请一台免费的扩展路由器。",
     "跟您核对一下，安装地址是幸福路18号3单元502，对吗？", "预计三个工作日内送到，工程师会上门帮您安装。"),
    ("roaming", "我下周去日本出差，想开通国际漫游流量。", "我在日本的时候手机一直没信号，回来还收了漫游费，这不合理！",
     "您的号码还没有开通国际漫游功能。", "我帮您开通国际漫游，再加一个日本流量包。",
     "跟您确认一下，流量包是七天、每天28元的那种，对吗？", "开通成功后，到日本开机就可以直接用了。"),
    ("broadband", "我下个月搬家，宽带要移到新地址。", "我申请移机两个星期了，一直没人联系我，太过分了！",
     "您之前的移机申请还在排队。", "我帮您把移机预约在这周六。",
     "跟您确认一下，新地址是和平街6号1单元301，上门时间是周六上午，对吗？", "周六上午工程师会上门，出发前会先联系您。"),
]}

# Agent lines by behaviour, then the customer's (c_*). Keys ending in _curt are the weak alternative.
POOLS: dict[str, dict[str, list[str]]] = {"en": {
    "greet_call": ["Thank you for calling Northwind Mobile, this is {agent}. How can I help you today?",
                   "Good morning, you're through to Northwind billing, my name is {agent}."],
    "greet_chat": ["Hi, welcome to Northwind billing chat, you're talking to {agent}. How can I help?"],
    "greet_curt": ["Billing.", "Yeah?"], "ack": ["Of course, let me check that for you.", "Certainly, let me have a look."],
    "empathy": ["I can imagine how frustrating that is.", "I understand, that's not what you need this month."],
    "apology": ["I'm really sorry about this.", "I do apologise for the trouble this has caused."],
    "ask_name": ["May I take your name and account number, please?"],
    "ask_polite": ["Could you give me your account number, please?"], "ask_curt": ["Account number."],
    "use_name": ["Thank you, {title} {last}.", "Thanks, {title} {last}, I have your account open."],
    "ownership": ["Leave it with me, I'll take care of it.", "Don't worry, I'll make sure this gets sorted."],
    "urgency": ["I'm doing that right away.", "I'll do that now as a priority."],
    "hold": ["Would you mind holding for a minute while I do that?"], "back": ["Thank you for holding."],
    "hold_curt": ["Hang on."], "back_curt": ["Right."],
    "reference": ["Your reference number is {ref}.", "I've logged this under case {ref}."],
    "written": ["I'll email you a summary of today's call.", "I'll send you a confirmation email as well."],
    "further": ["Is there anything else I can do for you today?"], "further_curt": ["Anything else?"],
    "bye_call": ["Thank you for calling, have a lovely day. Goodbye!", "You're welcome, take care. Bye!"],
    "bye_chat": ["Thanks for chatting with us, have a great day!"], "bye_curt": ["Okay.", "Done."],
    "buck": ["That's not my department, you'll have to call another number.",
             "There's nothing I can do about that, take it up with your bank."],
    "rude": ["As I already said, that's how the account is set up.", "As I said before, it's not that hard."],
    "rude_complaint": ["Calm down, shouting won't help.", "You should have read the terms when you signed up."],
    "secret": ["And what's your password? I need it to get into the account."],
    "pii_reply": ["Please don't read out the whole card number; the card ending in 1111 is all I need."],
    "c_id_name": ["It's {first} {last}, account {acct}."], "c_id": ["It's {acct}."],
    "c_pii": ["I'd also like to pay the balance today, my card is " + CARD + "."],
    "c_follow": ["Okay, I see. What can you do?", "Right. Can that be changed?"],
    "c_more": ["This is the third time I've had to call about it.", "Honestly, I'm really disappointed."],
    "c_fix": ["Yes, please do that.", "That sounds good."], "c_yes": ["Yes, that's right."],
    "c_buck": ["Seriously? So you can't do anything at all?", "That's ridiculous, I've been passed around twice."],
    "c_secret": ["I'd rather not give my password out over the phone."],
    "c_happy": ["Brilliant, thank you so much.", "That's great, thanks for your help."], "c_neutral": ["Okay."],
    "c_unhappy": ["So nothing's been fixed then. Unbelievable.", "This has been a waste of time."],
    "c_close_happy": ["No, that's everything, thank you."], "c_close_neutral": ["No."],
    "c_close_unhappy": ["No. I'm going to cancel my contract."],
}, "zh": {
    "greet_call": ["您好，北风通信技术支持，工号{agent}，很高兴为您服务。", "您好，北风通信宽带报修，请问有什么可以帮您？"],
    "greet_chat": ["您好，北风在线客服{agent}号为您服务，请问有什么可以帮您？"],
    "greet_curt": ["喂，说。", "技术支持。"], "ack": ["好的，我帮您查一下。", "明白，我这边看一下。"],
    "empathy": ["我非常理解您的心情，换作是我也会着急。", "理解您，这个确实很影响生活。"],
    "apology": ["非常抱歉给您带来不便。", "实在不好意思，让您久等了。"],
    "ask_name": ["请问您怎么称呼？麻烦再提供一下宽带账号。"], "ask_polite": ["麻烦您提供一下宽带账号，谢谢。"],
    "ask_curt": ["账号多少？"], "use_name": ["好的，{last}{title}，已经查到您的账户了。", "谢谢{last}{title}。"],
    "ownership": ["您放心，这件事我来帮您处理。", "这个交给我，一定帮您解决。"],
    "urgency": ["我马上为您操作。", "我现在就为您加急处理。"],
    "hold": ["需要在后台操作一下，大概一分钟，请您稍等可以吗？"], "back": ["感谢您的耐心等待。"],
    "hold_curt": ["等着。"], "back_curt": ["嗯。"],
    "reference": ["您的工单号是{ref}，后续查询报这个号码就可以。", "已经登记，受理号{ref}。"],
    "written": ["稍后会给您发一条短信，里面有办理结果。", "操作步骤我通过短信发到您手机上。"],
    "further": ["请问还有其他可以帮您的吗？"], "further_curt": ["还有别的事吗？"],
    "bye_call": ["感谢您的来电，祝您生活愉快，再见！", "不客气，祝您使用愉快，再见。"],
    "bye_chat": ["感谢您的咨询，祝您生活愉快！"], "bye_curt": ["嗯。", "行。"],
    "buck": ["这不归我们管，你去找厂家。", "我也没办法，你自己去营业厅问吧。"],
    "rude": ["我都说了，你自己看一下就知道。", "这个说了多少遍了，你听不懂吗？"],
    "rude_complaint": ["你冷静一点，喊也没用。", "我都说了，是你自己的问题。"],
    "secret": ["再把手机收到的验证码告诉我，我登进去看看。", "宽带密码报一下，我这边登进去看看。"],
    "pii_reply": ["好的，号码尾号8000，我记下了。"],
    "c_id_name": ["我姓{last}，账号是{acct}。"], "c_id": ["{acct}。"], "c_pii": ["有事回电打" + PHONE + "就行。"],
    "c_follow": ["哦，原来是这样，那怎么弄？", "明白了，能处理吗？"],
    "c_more": ["我已经打了好几次电话了，一直没人解决！", "这都第三次了，太耽误事了。"],
    "c_fix": ["好的，麻烦你了。", "行，那你操作吧。"], "c_yes": ["对，没错。"],
    "c_buck": ["什么？你们自己的设备还让我找别人？", "推来推去的，太不负责任了！"], "c_secret": ["这个不能随便告诉别人吧？我只说账号。"],
    "c_happy": ["太好了，谢谢你！", "好的，辛苦了，谢谢！"], "c_neutral": ["嗯。"],
    "c_unhappy": ["说了半天还是没解决，太失望了。", "算了，我要投诉。"],
    "c_close_happy": ["没有了，谢谢。"], "c_close_neutral": ["没了。"], "c_close_unhappy": ["没了，我要销户。"],
}}
CUSTOMERS = {"en": [("Ms", "Priya", "Shah"), ("Mr", "Tom", "Baker"), ("Ms", "Grace", "Liu"), ("Mr", "Samuel", "Okafor"),
                    ("Ms", "Maria", "Garcia"), ("Mr", "James", "O'Neill"), ("Ms", "Hannah", "Weber"), ("Mr", "Ravi", "Nair")],
             "zh": [("女士", "", s) for s in "王李陈赵"] + [("先生", "", s) for s in "张刘杨周"]}

Turn = tuple[str, str, float | None]  # speaker, text, the gap before it on a call (None: an ordinary pause)


def make_contact(rng: random.Random, agent: Agent, week: int, started: datetime) -> dict[str, object]:
    """One contact: roll the agent's profile, then write the conversation it produces."""
    lang, pool = agent.lang, POOLS[agent.lang]
    does = {k: rng.random() < p for k, p in agent.odds(week).items()}
    channel = "call" if rng.random() < CALL_RATE else "chat"
    complaint, pii = rng.random() < COMPLAINT_RATE, rng.random() < PII_RATE
    queue, *scenario = rng.choice(SCENARIOS[lang])
    title, first, last = rng.choice(CUSTOMERS[lang])
    slots = {"agent": agent.name, "title": title, "first": first, "last": last, "day": rng.randrange(4, 28),
             "amt": f"£{rng.randrange(18, 95)}.{rng.randrange(100):02d}",
             "acct": f"{'NW' if lang == 'en' else 'KD'}{rng.randrange(10**7, 10**8)}",
             "ref": f"{'CR' if lang == 'en' else 'GD'}-{rng.randrange(10**6, 10**7)}"}
    opening, opening_complaint, finding, fix, confirm, next_step = (s.format(**slots) for s in scenario)
    say: Callable[[str], str] = lambda key: rng.choice(pool[key]).format(**slots)
    join: Callable[[list[str]], str] = lambda parts: (" " if lang == "en" else "").join(p for p in parts if p)
    opt: Callable[[str, bool], str] = lambda key, flag: say(key) if flag else ""
    rude = "rude_complaint" if complaint else "rude"
    if does["buck"]:  # an agent who sends the customer elsewhere does nothing else for them
        for k in ("ownership", "urgency", "confirm", "next_step", "reference", "written"):
            does[k] = False

    greeting = say("greet_" + channel if does["greet"] else "greet_curt")
    ask = say("ask_name" if does["name"] else "ask_polite" if does["courtesy"] else "ask_curt")
    turns: list[Turn] = [("agent", greeting, None)] if channel == "call" else []
    turns.append(("customer", opening_complaint if complaint else opening, None))
    listen = [opt("empathy", does["empathy"]), opt("apology", complaint and does["apology"]), opt("ack", does["ack"]), ask,
              opt("secret", does["secret"])]
    turns.append(("agent", join(([greeting] if channel == "chat" else []) + listen), None))
    turns.append(("customer", join([opt("c_secret", does["secret"]), say("c_id_name" if does["name"] else "c_id"),
                                    opt("c_pii", pii)]), None))
    turns.append(("agent", join([opt("pii_reply", pii and does["confirm"]), opt("use_name", does["name"]), finding]), None))
    if channel == "call" and does["silence"]:  # dead air while the agent looks something up
        turns += [("agent", say("hold_curt"), None), ("agent", say("back_curt"), rng.uniform(40, 90))]
    turns.append(("customer", say("c_more" if complaint else "c_follow"), None))
    if does["buck"]:
        turns += [("agent", join([opt(rude, does["rude"]), say("buck")]), None), ("customer", say("c_buck"), None)]
    else:
        act = [opt(rude, does["rude"]), opt("ownership", does["ownership"]), fix, opt("urgency", does["urgency"])]
        if channel == "call" and (does["silence"] or rng.random() < 0.5):  # a hold: asked for, or not
            curt = "_curt" if does["silence"] else ""
            turns.append(("agent", join(act + [say("hold" + curt)]), None))
            turns.append(("agent", say("back" + curt), rng.uniform(45, 100) if curt else rng.uniform(25, 70)))
        else:
            turns.append(("agent", join(act), None))
        turns.append(("customer", say("c_fix"), None))
    if does["confirm"]:
        turns += [("agent", confirm, None), ("customer", say("c_yes"), None)]
    outcome = join([next_step if does["next_step"] else "", opt("reference", does["reference"]),
                    opt("written", does["written"])])
    if outcome:
        turns.append(("agent", outcome, None))
    if does["buck"] or does["rude"]:
        mood = "unhappy" if rng.random() < 0.85 else "neutral"
    else:
        mood = "happy" if (does["next_step"] or does["reference"]) and rng.random() < 0.92 else "neutral"
    if turns[-1][0] == "customer":  # nothing more from the agent: the reaction runs on
        turns[-1] = ("customer", join([turns[-1][1], say("c_" + mood)]), None)
    else:
        turns.append(("customer", say("c_" + mood), None))
    if does["further_help"]:
        turns += [("agent", say("further" if does["courtesy"] else "further_curt"), None),
                  ("customer", say("c_close_" + mood), None)]
    turns.append(("agent", say("bye_" + channel if does["farewell"] else "bye_curt"), None))
    if lang == "zh" and not does["courtesy"]:  # a curt agent says 你, not 您, and drops 请问
        turns = [(s, t.replace("请问", "").replace("请您", "您").replace("您", "你") if s == "agent" else t, g)
                 for s, t, g in turns]
    return {"agent": agent.id, "team": agent.team, "channel": channel, "language": lang,
            "started_at": started.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "turns": timed(rng, turns, lang, does) if channel == "call" else [{"speaker": s, "text": t} for s, t, _ in turns],
            "metadata": {"queue": queue, "synthetic": True}}


def timed(rng: random.Random, turns: list[Turn], lang: str, does: dict[str, bool]) -> list[dict[str, object]]:
    """Start/end seconds for a call: speech at the language's rate, short pauses, the forced gaps, interruptions."""
    out: list[dict[str, object]] = []
    clock, last_start = 0.0, -0.5
    for i, (speaker, text, gap) in enumerate(turns):
        if gap is None:
            gap = rng.uniform(0.3, 2.0)
            if i == 0 and does["silence"] and rng.random() < 0.5:
                gap = rng.uniform(22.0, 40.0)  # slow to pick up
            elif speaker == "agent" and i and turns[i - 1][0] == "customer" and does["interrupt"] and rng.random() < 0.6:
                gap = -rng.uniform(1.5, 3.0)  # cuts in before the customer has finished
        start = max(last_start + 0.5, clock + gap)
        end = start + max(0.8, len(text) / SPEECH_RATE[lang] * rng.uniform(0.85, 1.2))
        out.append({"speaker": speaker, "text": text, "start": round(start, 1), "end": round(end, 1)})
        clock, last_start = max(clock, end), start
    return out


def contacts(seed: int = SEED) -> list[dict[str, object]]:
    """Every agent's contacts, spread evenly over their weeks (Monday to Saturday, 08:00-20:00), in time order."""
    rng = random.Random(seed)
    made = []
    for agent in AGENTS:
        for i in range(agent.contacts):
            week = agent.first_week + i % (len(WEEKS) - agent.first_week)
            day = WEEKS[week] + timedelta(days=rng.randrange(6))
            started = datetime(day.year, day.month, day.day, rng.randrange(8, 20), rng.randrange(60), rng.randrange(60))
            made.append(make_contact(rng, agent, week, started))
    made.sort(key=lambda c: (str(c["started_at"]), str(c["agent"])))
    return [{"id": f"m-{n:04d}", **c} for n, c in enumerate(made, 1)]


def render(seed: int = SEED) -> str:
    """The whole file: one JSON contact per line (ARCHITECTURE §4.1), UTF-8 text."""
    return "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in contacts(seed))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write the Northwind Mobile May 2026 example month (JSONL).")
    parser.add_argument("--seed", type=int, default=SEED, help=f"random seed (default {SEED})")
    parser.add_argument("--out", help="write to this file instead of stdout")
    args = parser.parse_args(argv)
    data = render(args.seed).encode("utf-8")
    if args.out:
        with open(args.out, "wb") as f:
            f.write(data)
    else:
        sys.stdout.buffer.write(data)


if __name__ == "__main__":
    main()
