"""Deterministic synthetic contacts for the throughput benchmark (native JSONL, ARCHITECTURE §4.1).

Everything comes from one seeded ``random.Random``: the same seed and count give the same
file byte for byte. The sentences are written for this benchmark (a fictional operator),
in English, Simplified and Traditional Chinese. Contacts are 10-40 turns, agent and
customer alternating; calls carry ``start``/``end`` seconds (with the odd long silence and
interruption), chats carry no times. A few contacts mention a card or phone number, some
are complaints, some agents pass the buck, some contacts omit ``language`` (detected).
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from typing import TextIO

# --------------------------------------------------------------------------- English
EN = {
    "agent_open": [
        "Thank you for calling Northwind Mobile, this is {agent}. How can I help you today?",
        "Good morning, you're through to the billing team, my name is {agent}.",
        "Hello, thanks for getting in touch. How can I help?",
        "Hi there, welcome to Northwind support chat. What can I do for you today?",
        "Good afternoon, this is {agent} from technical support. How may I help you?",
        "Billing.",
        "Yeah, what's the problem?",
    ],
    "customer_open": [
        "Hi, I've been charged twice for my {product} this month.",
        "Hello, my broadband keeps dropping every evening around eight.",
        "I'm calling about my bill, it's {amount} higher than usual.",
        "My new phone has no mobile data since yesterday.",
        "I moved house last week and I need to transfer my {product}.",
        "I can't log in to the app, it says my account is locked.",
        "I was promised a refund three weeks ago and I still haven't received it.",
        "Hi, I'd like to change my plan to something cheaper.",
        "My roaming charges from last month look completely wrong.",
        "The router you sent me stopped working after two days.",
        "I need a copy of my invoices for the last three months, please.",
        "Why was my line disconnected? I paid the bill on {date}.",
    ],
    "customer_mid": [
        "Yes, the account is in my name.",
        "It's {name}, and the account number is {acct}.",
        "I already tried restarting it twice.",
        "No, nothing has changed on my side.",
        "It started around {date}, I think.",
        "Okay, that makes sense.",
        "How long will that take?",
        "Can you send me a confirmation by email?",
        "I've been a customer for eleven years.",
        "Sorry, could you repeat that?",
        "Right, and will that show on my next bill?",
        "I paid with my card ending in {last4}.",
        "The light on the box is flashing orange.",
        "I'm on the train, the line might cut out.",
        "That's fine, go ahead.",
        "Is there a fee for that?",
        "I didn't get any text message about it.",
        "Hold on, let me find the letter.",
        "My daughter uses this number too.",
        "Sure, I can wait.",
    ],
    "customer_complaint": [
        "This is unacceptable, I want to make a formal complaint.",
        "I've called four times already and nobody has fixed it. This is ridiculous.",
        "I want to speak to your manager right now.",
        "This is the worst service I've ever had from any company.",
        "You people keep making mistakes with my bill and I'm sick of it.",
        "If this isn't sorted today I'm cancelling my contract.",
    ],
    "customer_pii": [
        "My card number is {card}, expiry {expiry}.",
        "You can call me back on {phone}.",
        "The card I used was {card}.",
    ],
    "agent_mid": [
        "I'm sorry to hear that, let me look into it for you right away.",
        "I understand how frustrating that must be.",
        "Could you confirm your full name and the first line of your address, please?",
        "Thank you, I can see your account now.",
        "Let me check the last three bills for you.",
        "I can see the duplicate payment of {amount} on {date}.",
        "I'll raise a refund for that now; it should reach your account in three to five working days.",
        "Would you mind if I put you on hold for about two minutes while I run a line test?",
        "Thank you for holding.",
        "The line test shows a fault at the exchange, and an engineer is already working on it.",
        "I've applied a credit of {amount} to your account as an apology.",
        "Just to confirm, you'd like the new plan to start from your next billing cycle?",
        "I've sent a password reset link to the email address on your account.",
        "For your security we will never ask for your password.",
        "Can you switch the router off, wait thirty seconds and switch it back on?",
        "Your case reference is {ref}.",
        "I'll call you back on Friday to make sure everything is working.",
        "That's a fair question, there's no fee for that change.",
        "You should get a text confirming this within the hour.",
        "I can offer you a month of free data for the trouble.",
    ],
    "agent_bad": [
        "That's not my department.",
        "You'll have to call another number for that.",
        "There's nothing I can do about it.",
        "Well, you must have unplugged something.",
        "I can't help you with that.",
        "What's your password? I need it to check the account.",
        "So that's card {card}, correct?",
    ],
    "agent_close": [
        "Is there anything else I can help you with today?",
        "Thanks for calling, have a lovely evening.",
        "You're welcome. Take care, goodbye.",
        "Thank you for your patience, and sorry again for the trouble.",
        "Okay, bye.",
    ],
    "customer_close": [
        "No, that's everything, thank you.",
        "Great, thanks for your help.",
        "Fine. Bye.",
        "Thanks, bye.",
    ],
    "names": ["Alex Morgan", "Priya Shah", "Tom Baker", "Grace Liu", "Samuel Okafor", "Maria Garcia",
              "James O'Neill", "Hannah Weber"],
    "products": ["phone contract", "broadband", "TV package", "SIM-only plan", "landline"],
}

# --------------------------------------------------------------------------- Simplified Chinese
ZH = {
    "agent_open": [
        "您好，北风通信客服，工号{agentno}，很高兴为您服务。",
        "您好，请问有什么可以帮您？",
        "您好，这里是宽带报修，请问您遇到了什么问题？",
        "你好，账单部门。",
        "喂，说。",
    ],
    "customer_open": [
        "你好，我这个月的话费被扣了两次。",
        "我家的宽带每天晚上八点左右就断网。",
        "我想把套餐改成便宜一点的。",
        "我的新手机装了卡以后上不了网。",
        "我要开一张电子发票，抬头是公司。",
        "我上个月的国际漫游费用不对，多扣了{amount}。",
        "你们租给我的路由器才用两天就坏了。",
        "我三个星期前就申请退款了，到现在还没到账。",
        "我的号码为什么被停机了？我{date}已经交过费了。",
        "我搬家了，宽带要移机。",
    ],
    "customer_mid": [
        "对，是我本人的号码。",
        "我叫{zhname}，身份证后四位是{last4}。",
        "我已经重启过两次了，还是不行。",
        "大概是{date}开始的。",
        "好的，明白了。",
        "需要多长时间？",
        "能给我发个短信确认一下吗？",
        "我用了你们十几年了。",
        "不好意思，您能再说一遍吗？",
        "那下个月的账单会显示吗？",
        "光猫上的灯一直在闪红灯。",
        "可以，您查吧。",
        "要收费吗？",
        "我没有收到任何通知。",
        "行，我等一下。",
    ],
    "customer_complaint": [
        "太过分了，我要投诉你们！",
        "我已经打了四次电话了，一直没人解决，你们这是什么服务？",
        "叫你们领导来跟我说。",
        "什么破网络，天天断线。",
        "今天再解决不了我就销户。",
    ],
    "customer_pii": [
        "我的卡号是{card}。",
        "你们回电话打{cnphone}就行。",
    ],
    "agent_mid": [
        "非常抱歉给您带来不便，我马上为您查询。",
        "我理解您的心情，换作是我也会着急。",
        "请您提供一下机主姓名和身份证后四位。",
        "好的，已经查到您的账户了。",
        "我这边看到{date}确实扣了两次{amount}。",
        "我现在就为您申请退款，三到五个工作日内退回原支付账户。",
        "需要为您做一个线路测试，大概两分钟，请您稍等可以吗？",
        "感谢您的耐心等待。",
        "测试结果显示是局端故障，工程师正在抢修。",
        "已经为您申请了{amount}的补偿，会在下个月账单里抵扣。",
        "跟您确认一下，新套餐从下个账期开始生效，对吗？",
        "您的工单号是{ref}，处理结果会短信通知您。",
        "请您把光猫断电三十秒后再重新开机。",
        "稍后会有工作人员给您回访。",
        "这个变更是免费的，不收取任何费用。",
    ],
    "agent_bad": [
        "这不归我们管。",
        "你自己去问厂家。",
        "我也没办法。",
        "你是不是自己把光纤拔了？",
        "投诉要打另外一个号码。",
        "请告诉我您的服务密码。",
    ],
    "agent_close": [
        "请问还有其他可以帮您的吗？",
        "感谢您的来电，祝您生活愉快，再见。",
        "不客气，再见。",
        "嗯。",
    ],
    "customer_close": [
        "没有了，谢谢。",
        "好的，谢谢你。",
        "行吧，再见。",
    ],
    "names": ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊"],
}

# --------------------------------------------------------------------------- Traditional Chinese
HANT = {
    "agent_open": [
        "您好，北風通信客服中心，很高興為您服務。",
        "您好，請問有什麼可以幫您？",
        "你好，帳務部門。",
    ],
    "customer_open": [
        "你好，我這個月的帳單多了一筆加值服務的費用。",
        "我家的網路每天晚上都會斷線。",
        "我想把資費方案換成便宜一點的。",
        "我的手機換了新卡以後不能上網。",
        "我已經申請退款三個禮拜了，到現在還沒收到。",
        "你們寄來的路由器用了兩天就壞掉了。",
    ],
    "customer_mid": [
        "對，是我本人的門號。",
        "我叫{zhname}。",
        "我已經重新開機兩次了，還是不行。",
        "好的，瞭解了。",
        "需要多久時間？",
        "可以傳簡訊跟我確認嗎？",
        "要另外收費嗎？",
        "我都沒有收到任何通知。",
        "好，我等一下。",
    ],
    "customer_complaint": [
        "太過分了，我要投訴！",
        "我已經打了四次電話都沒有人處理，這是什麼服務？",
        "請你們主管來跟我說。",
    ],
    "customer_pii": [
        "我的卡號是{card}。",
    ],
    "agent_mid": [
        "非常抱歉造成您的不便，我馬上為您查詢。",
        "我理解您的心情，真的很抱歉。",
        "請您提供一下帳戶持有人的姓名。",
        "好的，已經查到您的帳戶了。",
        "我這邊看到這筆加值服務是{date}開通的。",
        "我現在就為您取消並申請退費，款項會在五個工作天內退回。",
        "需要幫您做線路測試，大約兩分鐘，請您稍候好嗎？",
        "感謝您耐心等候。",
        "您的案件編號是{ref}，處理結果會以簡訊通知您。",
        "請您把數據機關機三十秒後再重新開機。",
    ],
    "agent_bad": [
        "這不歸我們管。",
        "我也沒辦法。",
    ],
    "agent_close": [
        "請問還有其他需要幫忙的地方嗎？",
        "感謝您的來電，祝您順心，再見。",
    ],
    "customer_close": [
        "沒有了，謝謝。",
        "好的，謝謝你。",
    ],
    "names": ["陳怡君", "林志明", "黃淑芬", "吳建宏"],
}

VOCAB = {"en": EN, "zh": ZH, "zh-Hant": HANT}
# chars per second when speaking, for call timings
SPEECH_RATE = {"en": 14.0, "zh": 4.5, "zh-Hant": 4.5}


def luhn_card(rng: random.Random) -> str:
    """A 16-digit Luhn-valid number starting with 4, grouped in fours (synthetic, never issued)."""
    digits = [4] + [rng.randrange(10) for _ in range(14)]
    total = 0
    for i, d in enumerate(reversed(digits)):  # the check digit will sit right of these
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    digits.append((10 - total % 10) % 10)
    s = "".join(map(str, digits))
    return " ".join(s[i:i + 4] for i in range(0, 16, 4))


class _Slots(dict):
    """Template values computed only when the template asks for them (and in the order it asks)."""

    def __init__(self, rng: random.Random, lang: str, agent_name: str):
        super().__init__()
        self.rng, self.lang, self.agent_name = rng, lang, agent_name

    def __missing__(self, key: str) -> str:
        rng, lang, en = self.rng, self.lang, self.lang == "en"
        if key == "agent":
            return self.agent_name
        if key == "agentno":
            return f"{rng.randrange(1000, 9999)}"
        if key == "name":
            return rng.choice(EN["names"])
        if key == "zhname":
            return rng.choice(VOCAB[lang]["names"])
        if key == "product":
            return rng.choice(EN["products"])
        if key == "amount":
            return f"£{rng.randrange(5, 120)}.{rng.randrange(100):02d}" if en else f"{rng.randrange(5, 300)}元"
        if key == "date":
            return (f"the {rng.randrange(1, 28)}th of {rng.choice(['March', 'April', 'May'])}" if en
                    else f"{rng.randrange(1, 13)}月{rng.randrange(1, 29)}日")
        if key == "acct":
            return f"NW{rng.randrange(10**7, 10**8)}"
        if key == "last4":
            return f"{rng.randrange(10000):04d}"
        if key == "ref":
            return f"{'CR' if en else 'GD'}-{rng.randrange(10**6, 10**7)}"
        if key == "card":
            return luhn_card(rng)
        if key == "expiry":
            return f"{rng.randrange(1, 13):02d}/{rng.randrange(27, 31)}"
        if key == "phone":
            return f"07{rng.randrange(100, 999)} {rng.randrange(100000, 999999)}"
        if key == "cnphone":
            return f"1{rng.choice('3456789')}{rng.randrange(10)} {rng.randrange(10000):04d} {rng.randrange(10000):04d}"
        raise KeyError(key)


def _fill(template: str, rng: random.Random, lang: str, agent_name: str) -> str:
    if "{" not in template:
        return template
    return template.format_map(_Slots(rng, lang, agent_name))


def make_contact(i: int, rng: random.Random) -> dict[str, object]:
    r = rng.random()
    lang = "en" if r < 0.5 else ("zh" if r < 0.9 else "zh-Hant")
    vocab = VOCAB[lang]
    channel = "call" if rng.random() < 0.5 else "chat"
    complaint = rng.random() < 0.18
    weak_agent = rng.random() < 0.2
    n_turns = rng.randint(10, 40)
    agent_name = rng.choice(["Dana", "Sam", "Lee", "Chris", "Jo"])
    agent_first = channel == "call" or rng.random() < 0.3

    def say(pool: str) -> str:
        return _fill(rng.choice(vocab[pool]), rng, lang, agent_name)

    turns: list[dict[str, object]] = []
    for t in range(n_turns):
        speaker = "agent" if (t % 2 == 0) == agent_first else "customer"
        first_of_side = t < 2
        last_of_side = t >= n_turns - 2
        if speaker == "agent":
            if first_of_side:
                text = say("agent_open")
            elif last_of_side:
                text = say("agent_close")
            elif weak_agent and rng.random() < 0.25:
                text = say("agent_bad")
            else:
                text = say("agent_mid")
                if rng.random() < 0.25:  # longer turns now and then
                    text += (" " if lang == "en" else "") + say("agent_mid")
        else:
            if first_of_side:
                text = say("customer_open")
            elif last_of_side:
                text = say("customer_close")
            elif complaint and rng.random() < 0.3:
                text = say("customer_complaint")
            elif rng.random() < 0.02:
                text = say("customer_pii")
            else:
                text = say("customer_mid")
        turns.append({"speaker": speaker, "text": text})

    if channel == "call":
        clock = round(rng.uniform(0.0, 2.0), 1)
        prev_speaker = None
        for turn in turns:
            duration = max(0.8, len(str(turn["text"])) / SPEECH_RATE[lang] * rng.uniform(0.8, 1.3))
            gap = rng.uniform(0.2, 2.5)
            roll = rng.random()
            if roll < 0.03:
                gap = rng.uniform(20.0, 120.0)  # silence / hold
            elif roll < 0.06 and turn["speaker"] == "agent" and prev_speaker == "customer":
                gap = -rng.uniform(0.6, 2.0)  # agent cuts in before the customer has finished
            start = max(0.0, clock + gap)
            turn["start"] = round(start, 1)
            turn["end"] = round(start + duration, 1)
            clock = max(clock, start + duration)
            prev_speaker = turn["speaker"]

    contact: dict[str, object] = {
        "id": f"bench-{i:07d}",
        "agent": f"a{rng.randrange(1, 61):02d}",
        "team": rng.choice(["billing", "tech-support", "retention", "sales"]),
        "channel": channel,
        "language": lang,
        "started_at": f"2026-0{rng.randrange(1, 6)}-{rng.randrange(1, 29):02d}T{rng.randrange(8, 20):02d}:"
                      f"{rng.randrange(60):02d}:00Z",
        "turns": turns,
        "metadata": {"queue": rng.choice(["cards", "broadband", "mobile", "tv"]), "synthetic": True},
    }
    if rng.random() < 0.05:
        del contact["language"]  # left to language detection
    return contact


def contacts(n: int, seed: int) -> Iterator[dict[str, object]]:
    rng = random.Random(seed)
    for i in range(n):
        yield make_contact(i, rng)


def write_jsonl(out: TextIO, n: int, seed: int) -> None:
    for contact in contacts(n, seed):
        out.write(json.dumps(contact, ensure_ascii=False) + "\n")
