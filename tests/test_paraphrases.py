"""Paraphrase probes for the built-in rubrics' phrase lists.

Real agents and customers paraphrase: "let me take care of that", "the charge has been reversed",
"这个问题由我负责跟进" must earn the criterion even though no rubric lists those exact words, and
negations, the other party saying it, or unrelated uses of the same words must not. Every
phrase-based criterion (kinds phrase, prohibited, complaint, pii phrases, and each sequence step)
gets natural paraphrases in English, Simplified and a few Traditional Chinese that should be
detected ("hits") and near misses that should not ("misses").

These sentences were written for this test from general service language; they are *not* taken
from any evaluation data set. Each line is run as a short contact through the real engine
(``parse_text`` → ``compile_rubric(load_rubric(name))`` → ``evaluate``) inside a template that makes
the criterion apply (a customer complaint first for complaint-only criteria, an agent turn before
a customer reaction for OUT-01/02 and CMP-16/17). A line that starts with a speaker label
("Customer: ...", "客服：...") replaces the probed turn as written, for "the other party said it".

"Detected" means: phrase, complaint and sequence criteria pass; prohibited and pii criteria fail.

``Limit`` marks a probe that the phrase matcher cannot get right with phrases alone (a negation
that is not directly before the phrase, sarcasm, a word inserted into a fixed phrase). Those run as
non-strict xfail, so they document the gap and show up as XPASS once the matcher handles them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from helpers import compiled, rubric

from sqaudit.engine import evaluate
from sqaudit.parsers.plaintext import parse_text
from sqaudit.text import detect_language, has_cjk, normalize


@dataclass(frozen=True)
class Limit:
    """A probe the matcher gets wrong for a reason phrases cannot fix."""

    text: str
    reason: str


Line = str | Limit

NEG_GAP = "negation not directly before the phrase (matcher only checks the preceding word / character)"
ZH_NEG2 = "two-character negation (不能/没有/不用/无法/不会) or negation inside the verb (发不了) is not seen"
SARCASM = "sarcasm / tense: the words are positive (or negative) but the meaning is not"
INSERTED = "a modifier inside a fixed phrase ('your online banking password'): phrases are contiguous"
QUESTION = "uncertainty or a question about the outcome reads like the outcome"
PRECISION = "left out on purpose: the same words also introduce a harmless explanation, and this criterion fails the contact"


# ------------------------------------------------------------------------------------ templates
# (English template, Chinese template); {agent} / {customer} is the probed turn.

T_COMPLAINT = ("{customer}\nAgent: Let me look at that for you.", "{customer}\n客服：我帮您看一下。")
T_GREET = ("{agent}\nCustomer: I have a question about my bill.", "{agent}\n客户：我想问一下账单。")
T_NAME = ("Customer: I need to change my address.\n{agent}", "客户：我想改一下收货地址。\n{agent}")
T_ACK = ("Customer: Can you check why my bill went up?\n{agent}\nCustomer: And can you change my payment date?\n"
         "Agent: Of course.",
         "客户：帮我查一下为什么这个月话费这么多。\n{agent}\n客户：顺便把扣款日期改到15号。\n客服：好的。")
T_FEELINGS = ("Customer: My internet keeps dropping every evening and I work from home.\n{agent}",
              "客户：我家宽带这一周每天晚上都断网，我在家办公。\n{agent}")
T_CHARGED = ("Customer: I've been charged twice, this is unacceptable.\n{agent}", "客户：你们扣了我两次费，我要投诉。\n{agent}")
T_CONFIRM = ("Customer: Please move my payment date to the 15th.\n{agent}", "客户：把我的扣款日改成每月15号。\n{agent}")
T_PARCEL = ("Customer: My parcel still hasn't arrived and I'm fed up.\n{agent}", "客户：我的包裹还没到，太过分了。\n{agent}")
T_URGENT = ("Customer: My card was blocked and I'm abroad, this is a nightmare.\n{agent}",
            "客户：我在国外，卡被冻结了，太过分了！\n{agent}")
T_REFUND = ("Customer: Can you refund the extra charge?\n{agent}", "客户：多扣的钱能退给我吗？\n{agent}")
T_WRITTEN = ("Customer: So the new plan starts next month?\n{agent}", "客户：那新套餐下个月生效？\n{agent}")
T_CLOSE = ("Customer: Thanks, that's sorted then.\n{agent}", "客户：好的，那就这样。\n{agent}")
T_COURTESY = ("{agent}\nCustomer: AB1 2CD.\nAgent: OK.", "{agent}\n客户：55812。\n客服：好。")
T_BUCK = ("Customer: My router is faulty, this is unacceptable.\n{agent}", "客户：我的路由器坏了，太过分了！\n{agent}")
T_RUDE = ("Customer: I didn't get the discount you promised!\n{agent}", "客户：你们答应的优惠我没拿到！\n{agent}")
T_PII = ("Customer: I can't log in.\n{agent}", "客户：我登录不上了。\n{agent}")
T_REACTION = ("Customer: My internet keeps dropping, this is unacceptable.\n"
              "Agent: I've reset your line from our side, could you try again?\n{customer}",
              "客户：网一直断，太过分了。\n客服：已经为您重置了线路，您再试一下。\n{customer}")
T_CALM = ("Customer: This is outrageous, you cut off my internet!\n{agent}", "客户：太过分了，你们凭什么停我的网！\n{agent}")
T_EASE = ("Customer: I want to make a complaint about my last bill.\n{agent}", "客户：我要投诉，你们的账单乱扣费！\n{agent}")
T_NOTE = ("Customer: I want to complain, the engineer never showed up.\n{agent}", "客户：我要投诉，师傅一直没上门。\n{agent}")
T_OPTIONS = ("Customer: I want compensation for the days without service.\n{agent}", "客户：断网这么多天，你们要赔偿。\n{agent}")
T_ESC_ASK = ("Customer: This is unacceptable, I was charged twice.\nAgent: I'm sorry about that.\n{customer}\n"
             "Agent: Of course, I'm escalating this to my supervisor now.",
             "客户：你们重复扣费，太过分了！\n客服：非常抱歉。\n{customer}\n客服：好的，我马上帮您升级处理，请我们主管给您回电。")
T_ESC_DO = ("Customer: This is useless, I want to speak to your manager.\n{agent}", "客户：你解决不了就找你们领导来！\n{agent}")
T_BLOCK = ("Customer: This is unacceptable. I want a manager.\n{agent}", "客户：太过分了，找你们领导来！\n{agent}")
T_LOOP1 = ("Customer: You charged me twice, I want my money back.\n{agent}\nCustomer: OK.\n"
           "Agent: I've refunded it now, you'll see it within 3 working days.",
           "客户：你们重复扣费，我要退款！\n{agent}\n客户：好。\n客服：已经为您办理退款，3个工作日内到账。")
T_LOOP2 = ("Customer: You charged me twice, I want my money back.\nAgent: I'm sorry, let me look into it.\nCustomer: OK.\n"
           "{agent}\nCustomer: Right.\nAgent: You'll see it within 3 working days.",
           "客户：你们重复扣费，我要退款！\n客服：非常抱歉，我帮您查一下。\n客户：好。\n{agent}\n客户：嗯。\n客服：3个工作日内到账。")
T_LOOP3 = ("Customer: You charged me twice, I want my money back.\nAgent: I'm sorry, let me look into it.\nCustomer: OK.\n"
           "Agent: I've refunded the duplicate payment.\nCustomer: And then?\n{agent}",
           "客户：你们重复扣费，我要退款！\n客服：非常抱歉，我帮您查一下。\n客户：好。\n客服：已经为您办理退款。\n客户：然后呢？\n{agent}")
T_SEQ1 = ("Customer: My parcel never arrived and this is the second time!\n{agent}\nCustomer: OK.\n"
          "Agent: I can send a replacement today.",
          "客户：包裹又没收到，这是第二次了，太差了！\n{agent}\n客户：嗯。\n客服：我这边可以为您重新补发。")
T_SEQ2 = ("Customer: My parcel never arrived and this is the second time!\nAgent: I'm so sorry, that must be frustrating.\n"
          "Customer: Yes.\n{agent}",
          "客户：包裹又没收到，这是第二次了，太差了！\n客服：非常抱歉，理解您的心情。\n客户：嗯。\n{agent}")


# ------------------------------------------------------------------------------------ probe sets

COMPLAINT_HITS: list[Line] = [
    "I complained about this last week and nothing changed.",
    "I'm complaining because the router you sent me is broken.",
    "I'd like to lodge a formal complaint about your engineer.",
    "The parcel arrived damaged and half the items are missing.",
    "You've charged me twice for the same order.",
    "I've been overcharged three months running.",
    "Honestly I'm really disappointed with how this was handled.",
    "This is the worst customer service I've ever had.",
    "I was promised a call back and it never happened.",
    "My order is two weeks late and nobody can tell me why.",
    "The app keeps logging me out, it's driving me mad.",
    "Your technician didn't show up yesterday.",
    "I've had no broadband for three days, I work from home!",
    "I was cut off in the middle of a call and now I can't get through.",
    "我要投诉你们的快递员。",
    "买的东西收到就是坏的。",
    "你们乱扣我的钱。",
    "等了一个星期了还没发货。",
    "你们的服务太让人失望了。",
    "这已经是第三次出现这个问题了。",
    "客服电话一直打不通。",
    "我对这个处理结果很不满意。",
    "师傅说好今天上门，结果人都没来。",
    "我被多收了五十块钱。",
    "手机才用了三天就黑屏了。",
    "我要投訴，你們的客服態度太差了。",
    "包裹到現在還沒收到，太離譜了。",
    "你們重複扣款，請馬上處理！",
]
COMPLAINT_MISSES: list[Line] = [
    "Hi, I'd like to upgrade my plan please.",
    "No complaints at all, the engineer was great.",
    "I'm not upset at all, just curious about the new prices.",
    "Can you tell me when my contract ends?",
    "Agent: I'm sorry you were charged twice, that's unacceptable on our part.",
    "你好，我想查一下我的话费余额。",
    "我想办理一下宽带续费。",
    "这次服务很满意，谢谢。",
    "Sorry, I didn't get that, could you repeat?",
    "I was told to call this number to upgrade.",
    "I disconnected the router like you said.",
    "我没有投诉的意思，就是问问。",
]

GREET_HITS: list[Line] = [
    "Good morning, Northwind support, Dana speaking.",
    "Hiya, what can I do for you today?",
    "Thanks for waiting, how can I help you?",
    "Welcome back! What brings you here today?",
    "Good day and thank you for holding.",
    "Hi there, you're chatting with Alex.",
    "Thank you for your patience, how may I assist you today?",
    "Greetings! How can I be of help?",
    "Thanks for your message, I'd be glad to help.",
    "Dear Mr Chen, thank you for your email.",
    "您好，这里是北风客服，我是小李。",
    "你好呀，请问需要什么帮助？",
    "亲，在的，有什么可以为您效劳的？",
    "欢迎来到北风官方旗舰店。",
    "感谢您的耐心等待，请问您遇到了什么问题？",
    "客服小王为您服务，请讲。",
    "早安，请问有什么需要？",
    "感谢您联系我们，请问怎么帮您？",
    "您好，歡迎致電北風客服。",
    "感謝您的來電，請問有什麼可以幫您？",
]
GREET_MISSES: list[Line] = [
    "Account number?",
    "Customer: Hello, anyone there?\nAgent: Account number?",
    "What's the problem?",
    "Please hold.",
    "喂，说吧。",
    "账号多少？",
    "客户：你好，在吗？\n客服：说。",
]

NAME_HITS: list[Line] = [
    "Could I get your name, please?",
    "Thank you, Mrs. Patel.",
    "Certainly, Mr Okafor, let me check.",
    "Who do I have the pleasure of speaking with?",
    "And who am I talking to today?",
    "Thanks, Dr Lewis, one moment.",
    "What name is the account under?",
    "How would you like me to address you?",
    "Can I start with your full name?",
    "May I ask who I'm speaking with?",
    Limit("Nice to meet you, Priya, let's get that changed.", "a bare first name is not a phrase"),
    "请问您怎么称呼？",
    "好的王先生，我帮您查。",
    "张女士您好。",
    "请问您姓什么？",
    "李小姐，您看这样可以吗？",
    "请问您的名字是？",
    "请问机主姓名是？",
    "请问您尊姓大名？",
    "请问是刘先生本人吗？",
    "請問您貴姓？",
    "好的，陳小姐，我幫您看看。",
]
NAME_MISSES: list[Line] = [
    "Is the account in your name?",
    "Please hold.",
    "Customer: My name is Sarah Jones.\nAgent: OK.",
    "Please enter the name of the recipient.",
    "请提供一下账号。",
    "客户：我姓陈。\n客服：好。",
    "收件人姓名写错了吗？",
]

ACK_HITS: list[Line] = [
    "Sure thing, one moment.",
    "Absolutely, I'll look at that now.",
    "Okay, let me pull up your account.",
    "Right, I've got your account here.",
    "Fair enough, I can do that for you.",
    "Yep, I'll check that.",
    "Thanks for letting me know, I'll check that.",
    "I'd be happy to look into that.",
    "Understood, give me a second.",
    "Good question, let me find out.",
    "Definitely, I'll sort that now.",
    "嗯，好的，我看看。",
    "行，没问题。",
    "收到，马上帮您查询。",
    "可以，我帮您改。",
    "明白了，您稍等。",
    "好滴，这就给您处理。",
    "OK，我记下了。",
    "了解，我这就去核实。",
    "好嘞，稍等片刻。",
    "清楚，我查一下原因。",
    "好的，我幫您查一下。",
    "明白，沒問題。",
]
ACK_MISSES: list[Line] = [
    "Your plan price changed in March.",
    "It's 40 pounds.",
    "Customer: Okay, got it.",
    "I can't see anything wrong with it.",
    "That is not possible.",
    "套餐涨价了。",
    "这个我也不了解。",
    "不明白您的意思。",
]

EMPATHY_HITS: list[Line] = [
    "That sounds really stressful when you're working from home.",
    "Oh no, I'm sorry to hear that.",
    "I get it, that's a real pain.",
    "I can see how that would be annoying.",
    "That's not what you need when you're trying to work.",
    "I know how much you rely on it.",
    "It makes sense that you're upset.",
    "Honestly, I'd be frustrated too.",
    "That can't have been easy.",
    "I know it's been a real hassle.",
    "No wonder you're annoyed.",
    "理解您的心情，换了谁都会着急。",
    "这确实耽误您工作了。",
    "我能理解，在家办公断网确实很闹心。",
    "这种情况换成谁都会不高兴。",
    "听您这么说我也挺着急的。",
    "确实很不方便，给您添麻烦了。",
    "我明白这对您来说很重要。",
    "确实太糟心了，我特别理解。",
    "辛苦您等了这么久。",
    "这事搁谁身上都受不了。",
    "我非常理解您現在的心情。",
    "我能體會您的感受。",
]
EMPATHY_MISSES: list[Line] = [
    "Restart the router and call back if it happens again.",
    "Customer: I understand, but it's frustrating.\nAgent: Restart the router.",
    "I don't understand what you mean.",
    "Please understand that we have rules.",
    "重启一下路由器，不行再打过来。",
    "我不理解您的意思。",
    "感谢您的理解和支持。",
    "您理解错了，套餐没变。",
    "这个功能谁都会用，很简单。",
]
EMP01_EXTRA_HITS: list[Line] = [
    "Glad to hear it's working again!",
    "Congrats on the new house!",
    "恭喜您乔迁新居！",
]

APOLOGY_HITS: list[Line] = [
    "Apologies for the mix-up.",
    "I do apologise for the trouble.",
    "Sorry about this, let me fix it.",
    "I sincerely apologize.",
    "So sorry!",
    "I'm sorry this happened.",
    "Please accept my apologies.",
    "Our apologies, that should never have happened.",
    "Really sorry for the hassle.",
    "I'm ever so sorry about that.",
    "I wanted to apologise for the way this was handled.",
    "真是不好意思，让您久等了。",
    "非常抱歉给您带来困扰。",
    "对不住，是我们这边弄错了。",
    "给您造成不便，深表歉意。",
    "向您赔个不是。",
    "实在抱歉，这是我们工作的疏忽。",
    "不好意思哈，让您跑了两趟。",
    "这边先跟您说声对不起。",
    "实在是过意不去。",
    "非常抱歉，造成您的困擾。",
    "真的很對不起，讓您久等了。",
]
APOLOGY_MISSES: list[Line] = [
    "The system does that sometimes.",
    "You don't need to apologise.",
    "Customer: Sorry, I forgot my password, this is so frustrating.\nAgent: Reset it on the website.",
    "Sorry, could you repeat the account number?",
    "I'm not sorry, that's the policy.",
    "系统有时候会这样，过几天自己会退回。",
    "客户：不好意思，我再说一遍，你们乱扣费！\n客服：嗯。",
    "这个要等审核。",
    "您不用道歉，这不是您的错。",
]
ADMIT_HITS: list[Line] = [
    "That was our mistake, not yours.",
    "We got it wrong, plain and simple.",
    "You're absolutely right, that shouldn't have happened.",
    "That's on us.",
    "The error was ours, I'm afraid.",
    "My mistake, I entered the wrong date.",
    "您说得对，确实是我们的问题。",
    "是我们这边搞错了。",
    "這確實是我們的失誤。",
]
ADMIT_MISSES: list[Line] = [
    "That's not our fault, it's not our mistake.",
    "It wasn't our error, the bank declined it.",
    "这不是我们的问题，也不是我们的错。",
    "您说的不对，系统显示就是扣了两次。",
]

CONFIRM_HITS: list[Line] = [
    "So that's the 15th of every month, correct?",
    "Can you confirm the postcode for me?",
    "Let me just make sure I've got this right.",
    "Just to double check, that's the card ending 4417?",
    "I'll read it back to you: the 15th, monthly.",
    "Let me recap what we've agreed.",
    "Am I right in thinking you want both lines moved?",
    "Could you confirm the last four digits?",
    "Just so I'm clear, it's the business account?",
    "Can I just check, is this the number ending 22?",
    "So what you're saying is the payment should move?",
    "我跟您核实一下，是每月15号扣款对吧？",
    "您是说改到15号，是吗？",
    "再跟您确认一遍地址：朝阳区建国路8号。",
    "我核实一下您的信息。",
    "我把信息给您复述一遍。",
    "确认一下，是尾号8866的手机吗？",
    "也就是说您要每月15号扣款？",
    "您看信息是否正确？",
    "我理解的对吗？",
    "跟您確認一下，是每月15號扣款，對嗎？",
    "我再核對一下您的資料。",
]
CONFIRM_MISSES: list[Line] = [
    "Changed.",
    "Customer: Just to confirm, is it the 15th?\nAgent: Yes.",
    "I can't confirm that until tomorrow.",
    "Your order has been confirmed.",
    "已经改了。",
    "客户：我确认一下，是15号对吗？\n客服：嗯。",
    "订单已确认。",
]

OWN_HITS: list[Line] = [
    "Let me take care of that for you.",
    "I take full responsibility for this.",
    "I'm going to handle this personally.",
    "I'll own this until it's fixed.",
    "This is on me now, I'll see it through.",
    "I'll stay on this until it's sorted.",
    "You have my word I'll get it fixed.",
    "I'll be your single point of contact for this.",
    "Consider it done, I'll follow it through myself.",
    "We'll take care of everything from here.",
    "Happy to take care of that for you.",
    "I'll see to it myself.",
    "这个问题由我负责跟进。",
    "这件事交给我来处理。",
    "我会全程跟进，直到问题解决。",
    "我负责帮您处理到底。",
    "这件事我会一直帮您盯着。",
    "我一定会给您一个满意的答复。",
    "我亲自帮您处理。",
    "这个事情我来搞定。",
    "我这边会一直跟进到问题解决为止。",
    "后续由我跟您对接。",
    "這個問題由我負責跟進。",
    "交給我處理，我會負責到底。",
]
OWN_MISSES: list[Line] = [
    "Deliveries can take a while, check the tracking page.",
    "Customer: I need you to take care of this today.\nAgent: OK.",
    "I'm not able to take care of that from here.",
    "Take care of yourself, bye!",
    "I can't handle refunds, sorry.",
    "物流就是比较慢，您看看物流信息。",
    "这个不是我负责的。",
    "客户：你们必须负责到底！\n客服：嗯。",
    "您需要亲自去营业厅办理。",
]
OWN01_EXTRA_HITS: list[Line] = [
    "Rest assured, we'll get it to you.",
    "Not to worry, I'm on it.",
    "You're in safe hands.",
    "您尽管放心。",
]

URGENT_HITS: list[Line] = [
    "I'm on it now.",
    "I'll unblock it this second.",
    "I'll prioritise your case.",
    "I'm raising it as urgent.",
    "I'll get right on it.",
    "I'll escalate it as a matter of urgency.",
    "I'll have it done within the hour.",
    "Give me two minutes and it'll be unblocked.",
    "I'll fast-track the request.",
    "I'm unblocking it as we speak.",
    "I'll get it done before the end of today.",
    "我立马给您处理。",
    "这就给您解冻。",
    "我第一时间帮您跟进。",
    "我现在就给您办。",
    "我争取今天给您解决。",
    "半小时内给您处理好。",
    "我赶快帮您看看。",
    "稍等，我即时为您处理。",
    "我会以最快的速度处理。",
    "我馬上為您處理。",
    "我會盡快幫您解決。",
]
URGENT_MISSES: list[Line] = [
    "We can look at that. Someone will review it.",
    "Customer: I need this fixed right now!\nAgent: OK.",
    "There's no rush, take your time.",
    "It's not urgent, it can wait until Monday.",
    Limit("I can't do it right away, it needs approval.", NEG_GAP),
    "这个要审核，您等通知吧。",
    "客户：你们马上给我处理！\n客服：嗯。",
    "不急，您慢慢来。",
    "没法马上处理，要等审核。",
]

# "what has been done" (resolved), "what happens next and when" (result / follow-up)
DONE_HITS_EN: list[Line] = [
    "Your account is now updated.",
    "The charge has been reversed.",
    "Everything is fixed now.",
    "I've gone ahead and refunded the duplicate payment.",
    "I've put a credit of twenty pounds on your account.",
    "The duplicate payment has been cancelled.",
    "We've refunded the extra payment.",
    "I'm issuing the refund now.",
    "The refund went through this morning.",
    "It's been sorted on our end.",
    "The fee was waived.",
]
DONE_HITS_ZH: list[Line] = [
    "退款已经原路退回。",
    "多扣的钱已退还。",
    "已经给您把重复的费用撤销了。",
    "账单已经更正过来了。",
    "重复的扣款已冲正。",
    "补发的商品已寄出。",
    "费用已经减免了。",
    "这边给您退了。",
    "问题已修复。",
    "已给您改好了。",
    "退款已經原路退回。",
    "您的帳戶資料已更新。",
]
NEXT_HITS_EN: list[Line] = [
    "You should now see the credit on your account.",
    "I've sent the replacement, it'll arrive Friday.",
    "It'll show on your statement in three to five days.",
    "Expect the money within five working days.",
    "I'll ring you tomorrow to make sure it's arrived.",
    "It should be back in your account by Monday.",
    "The money will be with you by the end of the week.",
    "You're good to go.",
    "You'll be notified once it clears.",
    "The engineer will be there on Tuesday morning.",
]
NEXT_HITS_ZH: list[Line] = [
    "3到5个工作日内到账。",
    "钱会原路返回到您的银行卡。",
    "明天下午前会有结果。",
    "处理完会第一时间告诉您。",
    "您现在刷新一下就能看到了。",
    "下周一前会给您回复。",
    "到时候我会联系您。",
    "预计周五送达。",
    "现在已经可以正常使用了。",
    "三個工作日內到帳。",
    "處理結果會簡訊通知您。",
]
FUP_MISSES: list[Line] = [
    "Someone will look at it.",
    "Unfortunately that fee can't be refunded.",
    "Customer: Has the charge been reversed? I should see the credit by now.\nAgent: Let me look.",
    "Refunds usually need a manager to approve them.",
    "The refund hasn't been processed yet.",
    Limit("I'm not sure whether it has been processed yet.", QUESTION),
    "这个要看情况。",
    "目前还没处理好，您再等等。",
    "客户：钱什么时候原路退回？\n客服：我查一下。",
    "我告诉您一个办法，重启一下试试。",
    "退款还没有到账。",
    Limit("退款不能原路退回。", NEG_GAP),
]

WRITTEN_HITS: list[Line] = [
    "I'll drop you an email with the details.",
    "You'll get a confirmation text shortly.",
    "I've emailed you a summary.",
    "A copy will be sent to your inbox.",
    "I'm sending the receipt to your email now.",
    "We'll text you the booking reference.",
    "Check your email in a few minutes for the confirmation.",
    "I'll message you the details on WhatsApp.",
    "You'll receive written confirmation within a day.",
    "An email is on its way to you.",
    "We've sent an SMS to your mobile.",
    "稍后会给您发一条短信。",
    "确认邮件已经发到您的邮箱了。",
    "办理结果会通过微信推送给您。",
    "我把详情发到您邮箱里。",
    "给您开具电子发票。",
    "您会收到一封确认邮件。",
    "我通过APP消息通知您。",
    "一会儿给您发个链接。",
    "纸质回执会寄给您。",
    "稍後會發送簡訊給您確認。",
    "確認信會寄到您的電子郵件信箱。",
]
WRITTEN_MISSES: list[Line] = [
    "Yes, from the first.",
    "What's your email address?",
    "Customer: Can you send me an email confirmation?\nAgent: Yes, from the first.",
    "Sorry, we can't email you from this system.",
    "The text you received is from us, it's genuine.",
    "Do you have a copy of your last bill?",
    "是的，下个月1号。",
    "您的邮箱是多少？",
    "客户：能给我发个短信确认吗？\n客服：下个月1号。",
    Limit("我们这边发不了短信。", ZH_NEG2),
]

MORE_HITS: list[Line] = [
    "Anything else I can do for you?",
    "Is there something else you need?",
    "What else can I help with?",
    "Can I help you with anything further?",
    "Was there anything more?",
    "Any other issues today?",
    "Is that everything for today?",
    "Do you need help with anything else?",
    "Will there be anything else?",
    "Have I answered all your questions?",
    "请问还有别的需要帮忙的吗？",
    "还有其他问题吗？",
    "您还有什么需要咨询的吗？",
    "还有哪些地方可以帮到您？",
    "其他方面还有疑问吗？",
    "请问还需要别的帮助吗？",
    "有其他疑问随时联系我们。",
    "还有啥要问的不？",
    "如果还有任何问题，欢迎随时联系。",
    "請問還有其他可以幫您的嗎？",
    "還有什麼需要幫忙的嗎？",
]
MORE_MISSES: list[Line] = [
    "Yep. Bye.",
    "Customer: Is there anything else I need to do?\nAgent: No. Bye.",
    "There's nothing else I can do.",
    "I'm afraid there isn't anything more I can do.",
    "I can't do anything else for you.",
    "嗯，挂了。",
    "没有其他办法了。",
    "别的我也帮不了。",
]

BYE_HITS: list[Line] = [
    "Cheers, have a good one!",
    "Thanks for your patience, bye for now.",
    "Enjoy the rest of your evening.",
    "No problem at all, take it easy.",
    "Pleasure speaking with you.",
    "Have a wonderful weekend.",
    "Bye-bye now!",
    "Stay safe and all the best.",
    "Thanks so much for contacting us.",
    "Talk to you soon.",
    "Goodnight!",
    "Take care.",
    "好的，那先这样，再会。",
    "祝您周末愉快！",
    "感谢您的耐心等待，拜拜。",
    "有问题随时联系我们，再见。",
    "不用谢，这是我应该做的。",
    "感谢您对我们工作的支持。",
    "欢迎您下次光临。",
    "那就不打扰您了。",
    "晚安，早点休息。",
    "感謝您的來電，祝您生活愉快。",
    "再見，祝您有美好的一天。",
]
BYE_MISSES: list[Line] = [
    "OK.",
    "Customer: Thanks, bye!\nAgent: OK.",
    "Please don't hang up yet.",
    "Please take care when you unplug the router.",
    "嗯。",
    "客户：好的，再见。\n客服：嗯。",
    "先别挂，还有一步。",
]

COURTESY_HITS: list[Line] = [
    "Could you please confirm your postcode?",
    "Would you be so kind as to spell that?",
    "If you could hold the line a moment.",
    "Sorry to trouble you, what's the postcode?",
    "Much obliged.",
    "Appreciate your patience.",
    "Kindly hold while I check.",
    "Would you mind reading that back?",
    "May I ask for your postcode?",
    "Cheers for that.",
    "Pardon?",
    "麻烦提供一下账号。",
    "请提供一下您的账号。",
    "辛苦了，稍等一下。",
    "不好意思打扰一下。",
    "劳烦再说一遍。",
    "有劳了。",
    "多谢。",
    "方便的话说一下地址。",
    "请问贵姓？",
    "麻煩提供一下帳號。",
    "請稍等，我幫你查詢。",
]
COURTESY_MISSES: list[Line] = [
    "Postcode?",
    "Right.",
    "Customer: Please hurry up, thanks.",
    "No thanks needed.",
    "账号。",
    "等着。",
    "客户：请快点，谢谢。",
    "这是你的账号吗？",
]

BUCK_HITS: list[Line] = [
    "That's not something we deal with.",
    "You'll need to take that up with the courier.",
    "There's nothing more I can do for you.",
    "That's a different department, you'll have to ring them.",
    "Sorry, that's outside my remit.",
    "You need to contact the manufacturer about that.",
    "Not my call, I'm afraid.",
    "That's got nothing to do with us.",
    "Can't help you there, try the shop.",
    "You'll have to sort that out with your bank.",
    "Go back to the shop you bought it from.",
    "这个我们管不了。",
    "这事你得去问快递公司。",
    "这不属于我们的业务范围。",
    "您自己找商家解决吧。",
    "您去营业厅问吧。",
    "跟我说没用，你打售后电话。",
    "那是物流的事，跟我们无关。",
    "我只负责咨询，别的不管。",
    "这个我也帮不上忙。",
    "這不歸我們管，你找廠家吧。",
    "跟我們沒關係。",
]
BUCK_MISSES: list[Line] = [
    "I'll book an engineer and follow it up myself.",
    "That's handled by our billing team, so I'll pass it to them myself and make sure they call you back.",
    "Customer: It's not my problem, you sold it to me!\nAgent: I'll sort it.",
    "There's nothing I can't fix here, give me a minute.",
    "Let me contact the manufacturer for you.",
    "我来帮您联系厂家。",
    "这个需要账务部门处理，我来帮您转交。",
    "客户：这不归你们管吗？\n客服：归我们管，我来处理。",
    "我帮您找厂家确认一下。",
    "If it happens again you should contact the police.",
    "您的订单不在我们的系统里，能再核对一下单号吗？",
    "这个不在我的权限范围内，我帮您申请主管处理。",
]

RUDE_HITS: list[Line] = [
    "You clearly didn't read the email.",
    "That's on you, not us.",
    "Honestly, it's your own fault.",
    "I've explained this three times already.",
    "Are you even listening?",
    "You obviously did something wrong.",
    "Do you even know how to use a phone?",
    "That's what happens when you don't read the instructions.",
    "I don't have time for this.",
    "Stop wasting my time.",
    "You're being difficult.",
    "You should've thought of that before.",
    "你自己没看清楚说明。",
    "这是你自己操作失误。",
    "跟你讲了多少次了。",
    "你到底听没听懂？",
    "你急什么？",
    "自己不会看吗？",
    "那是你的事。",
    "你怎么连这个都不懂？",
    "少废话，说重点。",
    "你爱信不信。",
    "你自己的問題，怪不了別人。",
    "我都說了，你聽不懂嗎？",
]
RUDE_MISSES: list[Line] = [
    "I understand, let me check what was agreed.",
    "Customer: Calm down? It's your fault!\nAgent: I understand.",
    "It's not your fault at all.",
    "Please don't worry, you didn't do anything wrong.",
    "Sorry, I didn't catch that.",
    "我理解，我帮您查一下当时的记录。",
    "这不是您的问题，是系统的原因。",
    "您说的我都记下了。",
    "我先说重点：您的套餐已经变更了。",
    "您这个月打了多少次了？我帮您查一下记录。",
]

CALM_HITS: list[Line] = [
    "Sir, you need to calm down.",
    "There's no need to raise your voice.",
    "Stop interrupting me.",
    "If you keep shouting I'll end the call.",
    "Just relax.",
    "You're overreacting.",
    "I'm not going to argue with you.",
    "Let me finish what I'm saying.",
    "Chill out.",
    "Don't get so worked up over it.",
    "You don't have to be rude to me.",
    "您先冷静一下。",
    "你能不能别嚷嚷？",
    "你小点声。",
    "说话客气点。",
    "你这样吼我也没用。",
    "有必要这么激动吗？",
    "你别无理取闹。",
    "你再这样我就挂了。",
    "能不能好好说话？",
    "至于发这么大火吗？",
    "你冷靜一點。",
    "別激動，有話好好說。",
]
CALM_MISSES: list[Line] = [
    "I can hear how upset you are, and I'm sorry.",
    "Don't worry, I'll calm the situation down with the engineer.",
    "Customer: Don't tell me to calm down!\nAgent: I'm sorry.",
    "Let me finish the reset first, then we'll test it.",
    "非常理解您的心情，我马上帮您查原因。",
    "您先喝口水，慢慢说。",
    "客户：你冷静点？你们太过分了！\n客服：非常抱歉。",
    "我会把您的意见反馈给领导，有话您尽管说。",
]

EASE_HITS: list[Line] = [
    "Not to worry, we'll get to the bottom of it.",
    "Thanks for flagging this with us.",
    "You've done the right thing calling us.",
    "I'm really glad you told me about this.",
    "Talk me through what happened.",
    "Tell me all about it and I'll help.",
    "Rest assured, we'll sort it out.",
    "We're here to help you with this.",
    "You're in good hands.",
    "Please take all the time you need.",
    "Happy to look into this for you.",
    "您先消消气，我帮您看看。",
    "别担心，问题一定能解决。",
    "您慢慢讲，我听着。",
    "谢谢您把情况告诉我们。",
    "有什么不满您尽管说。",
    "您别急，我们一起想办法。",
    "您稍安勿躁，我来看看。",
    "非常感谢您的反馈。",
    "您遇到的问题我们非常重视。",
    "您別著急，慢慢說。",
    "請放心，我們會幫您處理。",
]
EASE_MISSES: list[Line] = [
    "Account number.",
    "Customer: Don't worry about me, just fix it.\nAgent: Account number?",
    "You should worry about your data usage, it's very high.",
    "We can't do anything unless you give the account number.",
    "账号多少？",
    "请提供一下身份证号。",
    "客户：别跟我说别着急！\n客服：账号。",
    "Tell me what your account number is.",
]

NOTE_HITS: list[Line] = [
    "I've made a note of all that on your account.",
    "I'm putting this on file now.",
    "I'll write all of this up.",
    "Let me jot that down.",
    "I've recorded the details of your complaint.",
    "This is now logged as a formal complaint.",
    "I've filed a complaint on your behalf.",
    "I'm updating your case notes now.",
    "Everything you've told me is documented.",
    "I'll register this as a complaint.",
    "Let me capture the details.",
    "您说的我都记下来了。",
    "已经帮您登记在案。",
    "我把您的情况备注上。",
    "这个我这边给您做个记录。",
    "我帮您提交一个投诉工单。",
    "您反映的问题我已经详细记好了。",
    "已录入系统。",
    "您的意见我会如实上报。",
    "已为您受理投诉。",
    "您反映的情況我已經詳細記錄下來了。",
    "已經幫您登記了。",
]
NOTE_MISSES: list[Line] = [
    "I can book another visit.",
    "Please log in to the app and check.",
    "What's your registered email?",
    "Customer: I want this complaint recorded!\nAgent: OK.",
    "I can't record calls on this line.",
    "那再约个时间吧。",
    "请登录APP查看。",
    "您的注册手机号是多少？",
    "记得重启一下路由器。",
    "I can see in the notes that you called yesterday.",
    "Please register it online first.",
    "这个不用记录。",
]

OPTIONS_HITS: list[Line] = [
    "I could either credit your bill or send a cheque, what suits you?",
    "There are a couple of ways we can go here.",
    "How would you like us to resolve this?",
    "Would a refund work for you?",
    "Is that something you'd be happy with?",
    "What would you like me to do?",
    "You can choose between a repair and a replacement.",
    "Option one is a credit, option two is a refund.",
    "What would be a fair outcome for you?",
    "Do you have a preference?",
    "Does that sound OK?",
    "Are you okay with that?",
    "您看是退款还是换货？",
    "您更希望怎么处理？",
    "给您两个选择：退款或者补发。",
    "这样处理您满意吗？",
    "您觉得这个方案可以吗？",
    "您倾向于哪种方式？",
    "您有什么想法可以告诉我。",
    "退款和补偿券，您挑一个。",
    "如果您同意，我就为您办理。",
    "您是想要退款吗？",
    "您看這樣可以嗎？",
    "您希望怎麼處理？",
]
OPTIONS_MISSES: list[Line] = [
    "You get five pounds off. That's the standard.",
    "There are no other options, I'm afraid.",
    "Customer: Which option is best? This is unacceptable.\nAgent: Standard is five pounds.",
    "That's not up to you.",
    "按规定给您减免五块。",
    "没有别的选择。",
    "这个您不能选。",
    "客户：你们看怎么处理吧，要赔偿！\n客服：按规定减五块。",
]

ESC_ASK_HITS: list[Line] = [
    "I want to talk to someone higher up.",
    "Put me through to your line manager.",
    "Can I speak to whoever's in charge?",
    "Escalate this, please.",
    "Get me your boss.",
    "I'd like this escalated.",
    "Let me speak to someone more senior.",
    "Is there someone above you I can talk to?",
    "I want to take this to head office.",
    "Transfer me to the complaints team.",
    "把你们领导叫来。",
    "我要找你们上级反映。",
    "叫个能做主的人来。",
    "给我升级投诉。",
    "你们老板呢？",
    "我要找你们客服主管。",
    "让管事的来跟我说。",
    "我要投诉到总公司。",
    "你做不了主就换个人。",
    "我要找你們主管。",
    "請幫我轉給經理。",
]
ESC_ASK_MISSES: list[Line] = [
    "Can you tell me when the engineer is coming?",
    "My manager at work needs a copy of the invoice.",
    "Agent: I can get a supervisor if you like.",
    "No, I don't want a manager, just fix it.",
    "I'm the manager of a small shop, I need an invoice.",
    "我是老板，我要开发票。",
    "我就是想问问进度。",
    "客服：需要的话我可以帮您转主管。",
    "我想升级一下套餐。",
    Limit("我不需要找领导，你帮我处理就行。", NEG_GAP),
]

ESC_DO_HITS: list[Line] = [
    "I'm passing this to my team leader right now.",
    "Let me get my supervisor for you.",
    "I'll bring in a senior colleague.",
    "I've escalated it to the complaints team.",
    "One moment, I'll transfer you to a manager.",
    "I'm referring this up to our specialist team.",
    "I'll ask my manager to call you back today.",
    "I'll get someone senior to call you.",
    "I'm raising this to the next level.",
    "Let me hand you over to my supervisor.",
    "好的，我帮您转接主管。",
    "我这就上报给领导。",
    "我请我们经理给您回电。",
    "已经给您升级到投诉专员。",
    "我把您的情况反映给上级。",
    "我让组长来跟您沟通。",
    "我帮您申请主管介入。",
    "稍等，我叫一下值班经理。",
    "我这边给您转到投诉部门。",
    "我马上帮您联系负责人。",
    "好的，我馬上為您升級處理。",
    "我幫您轉接主管。",
]
ESC_DO_MISSES: list[Line] = [
    "Let's not do that, I'll just send the form again.",
    "There's no manager available.",
    "I can't transfer you.",
    "Customer: Transfer me now!\nAgent: No.",
    Limit("My manager will tell you the same.", "a refusal that names the manager reads like a hand-over"),
    "找谁都是一样的，您等等吧。",
    "转不了。",
    "领导不在。",
    "我帮您把账单转到下个月。",
    Limit("我不能给您转接。", ZH_NEG2),
]

BLOCK_HITS: list[Line] = [
    "My supervisor isn't going to say anything different.",
    "There's no one above me.",
    "Escalating is pointless.",
    "I'm not able to transfer you.",
    "You'll get the same answer from anyone.",
    "No one else will help you.",
    "Complaining won't change anything.",
    "I won't put you through.",
    "The manager won't speak to you.",
    "找谁来都是这个结果。",
    "我们领导不处理这种事。",
    "没有更高级别的人了。",
    "升级了也是一样。",
    "投诉了也没用。",
    "我不可能帮您转。",
    "主管很忙，没空理你。",
    "别想着找领导了。",
    "就算找总经理也没用。",
    "找領導也沒用。",
    "轉不了，沒辦法。",
]
BLOCK_MISSES: list[Line] = [
    "Of course, I'm transferring you to my team leader now.",
    "There's no point waiting, I'll escalate now.",
    "Customer: Complaining won't help, will it?\nAgent: I'll get a manager now.",
    "My manager will call you in ten minutes.",
    "好的，我马上为您转接主管。",
    "没问题，升级处理后会有专人联系。",
    "这个问题找领导也能解决，我现在就帮您转。",
    "我看看找谁来帮您处理最快。",
    "处理时效也是一样的，三个工作日。",
]

ACCEPT_HITS: list[Line] = [
    "Right, I'm opening a case for this now.",
    "Let me pull up your account and take a look.",
    "I've got the details, I'll investigate.",
    "I'm going to look into this for you.",
    "Leave it with me, I'll dig into it.",
    "I've made a note of it and started a case.",
    "Let me review your bill.",
    "I'm on it, checking your payments now.",
    "I'll raise a ticket with billing.",
    "I'll take a closer look.",
    "好的，我先帮您核查一下。",
    "我这边先给您登记。",
    "您的问题我已经受理了。",
    "我马上帮您调查原因。",
    "这边帮您看看是什么情况。",
    "我给您建个工单。",
    "我去系统里查询一下。",
    "我来了解一下情况。",
    "我帮您问一下相关部门。",
    "好的，我幫您查一下。",
    "已經為您受理。",
]
ACCEPT_MISSES: list[Line] = [
    "OK.",
    "Customer: Please look into it.",
    "I can't look into it today.",
    "That's how billing works.",
    "行。",
    "这个我查不了。",
    "客户：你们查一下啊！",
]

ACK_FEEL_HITS: list[Line] = [
    "I'm so sorry about that.",
    "That must be really annoying.",
    "I completely get why you're upset.",
    "Apologies, that's not good enough.",
    "I hear you, and I'm sorry.",
    "Oh no, that's awful.",
    "I understand how frustrating this is.",
    "My apologies for the trouble.",
    "I can see why you'd be annoyed.",
    "非常抱歉。",
    "理解您的心情。",
    "真不好意思。",
    "换成我也会生气。",
    "给您添麻烦了。",
    "确实太让人着急了。",
    "实在对不住。",
    "我能理解您的感受。",
    "深表歉意。",
    "實在抱歉。",
    "我非常理解您現在的心情。",
]
ACK_FEEL_MISSES: list[Line] = [
    "Order number?",
    "Customer: I'm sorry but this is ridiculous.",
    "I'm not sorry, that's how it works.",
    "订单号多少？",
    "这不是我们的问题。",
]

SOLVE_HITS: list[Line] = [
    "Here's what I'm going to do: send you a new one today.",
    "I'll get a replacement out to you.",
    "I can reship it free of charge.",
    "What I'd suggest is a full refund.",
    "Let me issue a refund for you.",
    "I'm going to send a courier to collect it.",
    "We can refund or resend, whichever you like.",
    "I'll arrange a redelivery for tomorrow.",
    "I've ordered a new one for you.",
    "我马上给您安排补发。",
    "这边为您申请全额退款。",
    "可以给您重新寄一个。",
    "我帮您催一下快递。",
    "给您换一个新的。",
    "我们这边给您补偿一张优惠券。",
    "我建议您申请退货，运费我们承担。",
    "我给您联系快递重新派送。",
    "这样吧，我直接给您退款。",
    "我馬上為您安排補發。",
    "這邊為您申請退款。",
]
SOLVE_MISSES: list[Line] = [
    "These things happen with couriers.",
    "I can't send a replacement.",
    "Customer: Just send me a replacement!",
    "There's no solution for this.",
    "快递就是这样的。",
    "这个我们没法处理。",
    "You'd have to buy a replacement yourself.",
    Limit("没办法给您补发。", ZH_NEG2),
]

SECRET_HITS: list[Line] = [
    "Could you tell me the code we just texted you?",
    "Just read me the six digits from the text.",
    "Please give me your PIN so I can verify you.",
    Limit("What's your online banking password?", INSERTED),
    "I'll need the one-time passcode you received.",
    "Can you share your password so I can log in for you?",
    "Type your PIN into the chat please.",
    "And the CVV on the back of the card?",
    "What's the verification code that just came through?",
    "I just need your security code to proceed.",
    "Tell me your passcode.",
    "Could you spell out your password?",
    "把您的登录密码发给我。",
    "麻烦把收到的验证码念给我。",
    "动态码给我报一下。",
    "你把支付密码告诉我。",
    "验证码多少？",
    "请提供卡背面的CVV码。",
    "您报下密码，我帮您登进去。",
    "把短信里的数字告诉我。",
    Limit("麻烦说下支付密码。", PRECISION),
    "請告訴我您的密碼。",
    "驗證碼是多少？",
]
SECRET_MISSES: list[Line] = [
    "We will never ask for your password or PIN.",
    "Please don't share your verification code with anyone.",
    "You'll need your password to log in to the app.",
    "I've sent a reset link; choose a new password there.",
    "Customer: Do you need my PIN?\nAgent: No, never share it.",
    "Never tell anyone your PIN, not even us.",
    "我们不会索取您的密码。",
    "请不要把验证码告诉任何人。",
    "您可以在APP里修改登录密码。",
    "客户：要我告诉你密码吗？\n客服：不用，千万不要。",
    "验证码是6位数字，请在页面输入。",
    "Can you read me the postcode on the letter?",
    "Please never post your password in the chat.",
    "We will never ask you to provide your PIN.",
    "You'll want to update your PIN, please do it in the app.",
    "Please don't ever share your password.",
    "我跟您说一下密码怎么修改。",
    "请查看一下收到的短信。",
    "我们不会要求提供您的密码。",
]

THANKS_HITS: list[Line] = [
    "Yes, it's back on now, cheers.",
    "Brilliant, that's done the trick.",
    "Oh great, it's working again.",
    "Lovely, much obliged.",
    "Perfect, you're a star.",
    "That's all fine now.",
    "Yep, I can see it now, ta.",
    "Appreciate that.",
    "Okay, that's resolved then.",
    "Great, thank u.",
    "Sorted!",
    "You've saved my day.",
    "Works like a charm.",
    "Everything's back to normal.",
    "好了好了，能上网了。",
    "恢复了，谢啦。",
    "嗯，没问题了，辛苦。",
    "OK，问题解决了。",
    "可以用了。",
    "太感谢了！",
    "现在网速正常了。",
    "好嘞，明白。",
    "你们效率挺高的。",
    "麻烦你了，拜拜。",
    "謝謝，已經可以用了。",
    "好了，問題解決了，感謝。",
]
THANKS_MISSES: list[Line] = [
    "It keeps dropping every ten minutes.",
    "No thanks to you, it's still broken.",
    "Agent: Thanks, it should work now.",
    "Still not working.",
    Limit("Thanks for nothing.", SARCASM),
    "过一会儿又断了。",
    "还是不行。",
    "没解决啊。",
    "好什么好，还是断。",
    "太麻烦了，算了。",
    "我看到了扣费记录，还是扣了两次。",
    "这个月扣得真厉害。",
    "I'd have appreciated a call about it.",
]

STILL_HITS: list[Line] = [
    "Nope, same problem.",
    "It's dropped again.",
    "That's done nothing.",
    "I'm still having the same issue.",
    "This is a joke.",
    "You haven't solved anything.",
    "I'm cancelling my contract.",
    "Well that was pointless.",
    "No, it's exactly the same as before.",
    "I'll be leaving a bad review.",
    "It's even worse now.",
    "Unbelievable.",
    "Nothing's changed.",
    "I give up.",
    "还是老样子。",
    "又断了。",
    "一点用都没有。",
    "问题根本没解决。",
    "你们这是在敷衍我。",
    "等于白说。",
    "我要投诉你。",
    "完全不行。",
    "跟没处理一样。",
    "服务太烂了。",
    "更差了。",
    "浪费时间。",
    "还是上不了网。",
    "還是不行。",
    "問題根本沒解決。",
]
STILL_MISSES: list[Line] = [
    "Great, it's stable now.",
    "No, that's all, thanks.",
    "Not anymore, it's working fine.",
    "It's no longer broken, thanks.",
    "Agent: Is it still not working?",
    Limit("I was unhappy before, but this is great.", SARCASM),
    "好了，谢谢。",
    "没有了，谢谢。",
    "不用了，已经好了。",
    "没事了，不用再处理了。",
    "Please cancel my old plan then, thanks.",
    "I'm leaving for work now, bye.",
    "根本没问题了，谢谢。",
]

# Parity probes: the same concept in both languages (a phrase list should not cover a concept in one
# language only), general complaint language (waiting, being ignored, billing, broken promises, sarcasm)
# and single words that over-match (亲 in 亲自, 还没 in 还没试, 没用 in 没用过, 核实一下 with a third party).
COMPLAINT_EXTRA_HITS: list[Line] = [
    "Third week waiting for a refund and still no update.",
    "I love how you charged me twice and nobody replied.",
    "Having issues with the app ever since the last update.",
    "I was billed twice for the same month.",
    "You promised a call back and it never came.",
    "Down yet again, what a surprise.",
    "说好的三天到货，现在还没动静。",
    "等了好久也没人回，真是服了。",
    "信号好差，打电话老断。",
    "无缘无故扣了我二十块钱。",
]
COMPLAINT_EXTRA_MISSES: list[Line] = [
    "Can't wait for the new phone to come out!",
    "Thank you so much for the quick help.",
    "How long does delivery usually take?",
    "我想问一下这个问题怎么设置。",
    "如果不设置会发生什么情况？",
]
GRT01_EXTRA_HITS: list[Line] = ["亲，订单已经发出了哦。", "嗨，您的订单查到了。"]
GRT01_EXTRA_MISSES: list[Line] = ["这个需要您亲自到营业厅办理。"]
CLS02_EXTRA_HITS: list[Line] = [
    "Thank you for your understanding and support.",
    "Thanks for your cooperation, we wish you a pleasant evening.",
    "感谢您的反馈，我们会继续改进。",
]
CNF01_EXTRA_HITS: list[Line] = ["我跟您核实一下您的地址。", "您的信息是否正确？"]
CNF01_EXTRA_MISSES: list[Line] = ["这个我们和快递核实一下。", "建议您检查一下设置是否正确。"]
STILL_EXTRA_HITS: list[Line] = ["The problem persists even after the reset.", "依然如此，一点没变。", "重启了也一个样。"]
STILL_EXTRA_MISSES: list[Line] = ["我还没试，晚上试一下。", "这张卡我还没用过，先不用处理。"]
THANKS_EXTRA_HITS: list[Line] = ["Ah, I see now.", "哦了，我试一下。"]
THANKS_EXTRA_MISSES: list[Line] = ["好吧，那就再等等吧。"]
APOLOGY_HITS += ["Please excuse the inconvenience this has caused.", "Please forgive us for the mix-up.",
                 "Sorry to hear the engineer didn't turn up."]
APOLOGY_MISSES += ["It's no inconvenience at all, happy to help."]
URGENT_HITS += ["I'll get this fixed as soon as I can.", "An engineer will call you shortly."]
MORE_HITS += ["If any problems come up, just message us.", "Feel free to contact us if you need anything."]
WRITTEN_HITS += ["I've sent the details to you in a short message.", "Please open the link we just sent to confirm."]


# ------------------------------------------------------------------------------------ the table
# (rubric, criterion id, template, hits, misses, kind of the probed turn's criterion)

SV, CH, TV = "servqual", "complaint-handling", "three-voices"
PROBES: list[tuple[str, str, tuple[str, str], list[Line], list[Line]]] = [
    (SV, "CMP-00", T_COMPLAINT, COMPLAINT_HITS + COMPLAINT_EXTRA_HITS, COMPLAINT_MISSES + COMPLAINT_EXTRA_MISSES),
    (CH, "CMP-00", T_COMPLAINT, COMPLAINT_HITS + COMPLAINT_EXTRA_HITS, COMPLAINT_MISSES + COMPLAINT_EXTRA_MISSES),
    (SV, "GRT-01", T_GREET, GREET_HITS + GRT01_EXTRA_HITS, GREET_MISSES + GRT01_EXTRA_MISSES),
    (TV, "WEN-01", T_GREET, GREET_HITS, GREET_MISSES),
    (SV, "NAM-01", T_NAME, NAME_HITS, NAME_MISSES),
    (SV, "ACK-01", T_ACK, ACK_HITS, ACK_MISSES),
    (TV, "YING-01", T_ACK, ACK_HITS, ACK_MISSES),
    (SV, "EMP-01", T_FEELINGS, EMPATHY_HITS + EMP01_EXTRA_HITS, EMPATHY_MISSES),
    (CH, "CMP-04", T_FEELINGS, EMPATHY_HITS, EMPATHY_MISSES),
    (SV, "APO-01", T_CHARGED, APOLOGY_HITS, APOLOGY_MISSES),
    (CH, "CMP-07", T_CHARGED, APOLOGY_HITS + ADMIT_HITS, APOLOGY_MISSES + ADMIT_MISSES),
    (SV, "CNF-01", T_CONFIRM, CONFIRM_HITS + CNF01_EXTRA_HITS, CONFIRM_MISSES + CNF01_EXTRA_MISSES),
    (SV, "OWN-01", T_PARCEL, OWN_HITS + OWN01_EXTRA_HITS, OWN_MISSES),
    (CH, "CMP-08", T_PARCEL, OWN_HITS, OWN_MISSES),
    (SV, "URG-01", T_URGENT, URGENT_HITS, URGENT_MISSES),
    (CH, "CMP-06", T_URGENT, URGENT_HITS, URGENT_MISSES),
    (SV, "FUP-01", T_REFUND, DONE_HITS_EN + DONE_HITS_ZH + NEXT_HITS_EN + NEXT_HITS_ZH, FUP_MISSES),
    (SV, "TAN-02", T_WRITTEN, WRITTEN_HITS, WRITTEN_MISSES),
    (SV, "CLS-01", T_CLOSE, MORE_HITS, MORE_MISSES),
    (SV, "CLS-02", T_CLOSE, BYE_HITS + CLS02_EXTRA_HITS, BYE_MISSES),
    (TV, "SONG-01", T_CLOSE, BYE_HITS + MORE_HITS[:3] + MORE_HITS[10:13], BYE_MISSES),
    (SV, "CRT-01", T_COURTESY, COURTESY_HITS, COURTESY_MISSES),
    (SV, "NBP-01", T_BUCK, BUCK_HITS, BUCK_MISSES),
    (CH, "CMP-15", T_BUCK, BUCK_HITS, BUCK_MISSES),
    (SV, "NRD-01", T_RUDE, RUDE_HITS, RUDE_MISSES),
    (SV, "PII-01", T_PII, SECRET_HITS, SECRET_MISSES),
    (SV, "OUT-01", T_REACTION, THANKS_HITS + THANKS_EXTRA_HITS, THANKS_MISSES + THANKS_EXTRA_MISSES),
    (CH, "CMP-16", T_REACTION, THANKS_HITS + THANKS_EXTRA_HITS, THANKS_MISSES + THANKS_EXTRA_MISSES),
    (SV, "OUT-02", T_REACTION, STILL_HITS + STILL_EXTRA_HITS, STILL_MISSES + STILL_EXTRA_MISSES),
    (CH, "CMP-17", T_REACTION, STILL_HITS + STILL_EXTRA_HITS, STILL_MISSES + STILL_EXTRA_MISSES),
    (CH, "CMP-01", T_EASE, EASE_HITS, EASE_MISSES),
    (CH, "CMP-03", T_CALM, CALM_HITS, CALM_MISSES),
    (CH, "CMP-05", T_NOTE, NOTE_HITS, NOTE_MISSES),
    (CH, "CMP-09", T_OPTIONS, OPTIONS_HITS, OPTIONS_MISSES),
    (CH, "CMP-10#1", T_ESC_ASK, ESC_ASK_HITS, ESC_ASK_MISSES),
    (CH, "CMP-10#2", T_ESC_DO, ESC_DO_HITS, ESC_DO_MISSES),
    (CH, "CMP-11", T_BLOCK, BLOCK_HITS, BLOCK_MISSES),
    (CH, "CMP-12#1", T_LOOP1, ACCEPT_HITS, ACCEPT_MISSES),
    (CH, "CMP-12#2", T_LOOP2, DONE_HITS_EN + DONE_HITS_ZH,  # the step has no bare 到账
     [m.text if isinstance(m, Limit) and "到账" in m.text else m for m in FUP_MISSES]),
    (CH, "CMP-12#3", T_LOOP3, NEXT_HITS_EN + NEXT_HITS_ZH, [
        "OK.", "Let me know if you have any other questions.",
        "Customer: When will I see the money?",
        Limit("I don't know when you'll see it.", QUESTION),
        "嗯。", "暂时还没有结果。", "客户：钱什么时候到？",
        Limit("我也不知道什么时候到账。", QUESTION)]),
    (CH, "CMP-13#1", T_SEQ1, ACK_FEEL_HITS, ACK_FEEL_MISSES),
    (CH, "CMP-13#2", T_SEQ2, SOLVE_HITS, SOLVE_MISSES),
]

DETECTED = {"phrase": "pass", "complaint": "pass", "sequence": "pass", "courtesy": "pass", "prohibited": "fail",
            "pii": "fail"}
RAW = re.compile(r"^\s*(Agent|Customer|客服|客户)\s*[:：]")


def transcript(template: tuple[str, str], line: str) -> str:
    text = template[1] if has_cjk(line) else template[0]
    slot = "{agent}" if "{agent}" in text else "{customer}"
    turn = line if RAW.match(line) else ("Agent: " if slot == "{agent}" else "Customer: ") + line
    return text.replace(slot, turn)


def outcome(name: str, criterion_id: str, text: str) -> str:
    result = evaluate(parse_text(text, source="probe"), compiled(name))
    return next(f for f in result.findings if f.criterion_id == criterion_id.split("#")[0]).outcome.value


def _params() -> list[object]:
    params = []
    for name, cid, template, hits, misses in PROBES:
        for want, lines in (("hit", hits), ("miss", misses)):
            for line in lines:
                text, marks = (line.text, [pytest.mark.xfail(reason=line.reason, strict=False)]) \
                    if isinstance(line, Limit) else (line, [])
                params.append(pytest.param(name, cid, template, want, text, marks=marks,
                                           id=f"{name}::{cid}::{want}::{text[:40]}"))
    return params


@pytest.mark.parametrize(("name", "cid", "template", "want", "line"), _params())
def test_paraphrase(name: str, cid: str, template: tuple[str, str], want: str, line: str) -> None:
    criterion = rubric(name).criterion(cid.split("#")[0])
    assert criterion is not None
    # customer_outcome: finding "resolved" passes, finding any other signal fails
    signal = criterion.options.get("signal")
    detected = DETECTED.get(criterion.kind) or ("pass" if signal == "resolved" else "fail")
    text = transcript(template, line)
    got = outcome(name, cid, text)
    if want == "hit":
        assert got == detected, f"{cid} should detect this ({detected}), got {got}:\n{text}"
    else:
        assert got != detected, f"{cid} should not detect this, got {got}:\n{text}"


def _language(line: Line) -> str:
    text = line.text if isinstance(line, Limit) else line
    text = RAW.sub("", text)
    return detect_language(text)


@pytest.mark.parametrize(("name", "cid", "hits", "misses"), [pytest.param(n, c, h, m, id=f"{n}::{c}")
                                                              for n, c, _, h, m in PROBES])
def test_probe_set_is_big_enough(name: str, cid: str, hits: list[Line], misses: list[Line]) -> None:
    """≥ 8 English and ≥ 8 Simplified Chinese paraphrases, ≥ 2 Traditional, ≥ 4 near misses."""
    plain = [line for line in hits if not isinstance(line, Limit)]
    langs = [_language(line) for line in plain]
    assert langs.count("en") >= 8, f"{langs.count('en')} English hits"
    assert langs.count("zh") >= 8, f"{langs.count('zh')} Simplified Chinese hits"
    assert langs.count("zh-Hant") >= 2, f"{langs.count('zh-Hant')} Traditional Chinese hits"
    assert len(misses) >= 4


def test_every_phrase_based_criterion_is_probed() -> None:
    probed = {(n, c.split("#")[0]) for n, c, *_ in PROBES}
    for name in (SV, CH, TV):
        for c in rubric(name).criteria:
            if c.phrases or c.kind == "sequence":
                assert (name, c.id) in probed, f"{name}::{c.id} has phrases but no probes"


@pytest.mark.parametrize("name", [SV, CH, TV])
def test_stem_phrases_do_not_share_a_key_with_whole_word_phrases(name: str) -> None:
    """"refund*" and "refund" in two criteria of one rubric share one automaton key, and the matcher
    then checks only the first entry's word boundary: the stem would silently stop matching
    "refunded". Keep stems distinct from whole-word phrases across the rubric."""
    stems, words = {}, {}
    for c in rubric(name).criteria:
        groups = [c.phrases] + [s["phrases"] for s in (c.options.get("steps") or [])
                                if isinstance(s, dict) and "phrases" in s]
        for group in groups:
            for items in group.values():
                for phrase in items:
                    key = normalize(phrase).strip()
                    (stems if key.endswith("*") else words)[key.rstrip("*").rstrip()] = c.id
    clashes = sorted(k for k in stems if k in words and k.isascii())
    assert not clashes, f"stem and whole-word phrase share a key: {[(k, stems[k], words[k]) for k in clashes]}"
