"""What the customer's own words say about the outcome of a contact, en and zh.

* ``resolved``   the customer confirms it worked or thanks the agent ("that fixed it", "好的，谢谢")
* ``unresolved`` the customer says it still is not solved ("still not working", "还是不行")
* ``repeat``     the customer says they had to ask again ("i already told you", "我都说了")
* ``escalation`` the customer asks for someone above the agent ("speak to a manager", "找你们领导")
* ``threat``     the customer threatens to complain elsewhere or to leave ("cancel my account", "12315")

General contact-centre language written for this project (seed 004: asking again; seed 002:
complaints should end in satisfaction). ``repeat`` is also found without words, by a later
customer turn that restates an earlier one (see :mod:`sqaudit.checks.customer_outcome`).
"""

from __future__ import annotations

from sqaudit.lexicons import Lexicon

OUTCOME: Lexicon = {
    "resolved": {
        "en": (
            "thank*", "thx", "ty", "cheers", "much appreciated", "appreciate it", "appreciate your help",
            "appreciate that", "that fixed it", "that worked", "it worked", "it works", "works now", "working now",
            "working again", "works again", "works fine", "works perfectly", "problem solved", "issue resolved",
            "all sorted", "sorted now", "that's sorted", "all good", "that's great", "great", "perfect", "brilliant",
            "awesome", "excellent", "wonderful", "that helps", "that helped", "very helpful", "so helpful",
            "really helpful", "you've been great", "exactly what i needed", "that answers my question", "makes sense",
            "got it", "i'm happy with that", "happy with that", "sounds good", "that's fine", "great news",
            "did the trick", "back on now", "up and running", "lovely", "fine now", "all fine", "i can see it now",
            "resolved", "it's fixed", "fixed now", "all fixed", "back to normal", "nice one", "looks good", "spot on",
            "ok", "okay", "will do", "i'll try that", "i will try", "understood", "thank you", "thanks",
            "it works now", "works fine now", "great stuff", "you've been very helpful",
            "that's exactly what i needed", "makes sense now", "got it now", "done the trick", "back up now",
            "much obliged", "you're a star", "you're a legend", "legend", "that's resolved", "it's resolved",
            "all resolved", "resolved now", "that's fixed", "thank u", "thanku", "thankyou", "tysm", "ta", "sorted!",
            "sorted.", "sorted,", "saved my day", "lifesaver", "life saver", "like a charm", "working fine",
            "working perfectly", "working great", "seems to be working", "seems fine", "looks fine", "all working",
            "great job", "good job", "well done", "amazing", "fantastic", "superb", "you're the best",
            "that was quick", "i see", "i understand", "understand now", "clear now", "that's clear",
            "that's very clear",
        ),
        "zh": (
            "谢谢", "感谢", "多谢", "谢了", "谢啦", "辛苦了", "辛苦您", "麻烦您了", "麻烦你了", "费心了", "好的",
            "好滴", "好哒", "好嘞", "好啦", "可以了", "可以啦", "好了", "行了", "解决了", "搞定了", "没问题了",
            "正常了", "能用了", "可以用了", "好用了", "恢复了", "恢复正常", "收到了", "明白了", "清楚了", "知道了",
            "了解了", "太好了", "满意", "给力", "点赞", "好评", "帮大忙了", "没事了", "OK", "嗯嗯", "到账了", "打通了", "接通了", "连通了", "网络通了",
            "真棒", "我试试", "我去试试", "我再试试", "马上试", "已经好了", "效率真高", "真快", "很及时", "OK了",
            "效率高", "效率挺高", "效率很高", "没问题", "好使了", "能上网了", "可以上网了", "赞", "哦了",
            "3q", "我试一下", "我试下", "试试看",
        ),
    },
    "unresolved": {
        "en": (
            "still not", "still doesn't", "still don't", "still isn't", "still hasn't", "still haven't",
            "still can't", "still no", "still waiting", "still broken", "still the same", "still having",
            "still getting", "still happening", "not working", "doesn't work", "didn't work", "didn't help",
            "doesn't help", "didn't fix", "not fixed", "not solved", "not resolved", "not sorted", "no better",
            "no change", "no difference", "nothing has changed", "nothing changed", "same problem", "same issue",
            "same as before", "exactly the same", "that's not what i asked", "you didn't answer", "doesn't answer",
            "makes no sense", "not helpful", "no help", "useless", "pointless", "waste of time", "forget it",
            "never mind", "whatever", "give up", "not happy", "not satisfied", "unhappy", "disappointed",
            "unacceptable", "ridiculous", "terrible", "worst", "not good enough", "awful", "fed up", "what a joke",
            "i'll take my business elsewhere", "cancel my account", "speak to a manager", "complain*",
            "same thing again", "dropped again", "down again", "broken again", "happened again", "happening again",
            "gone again", "off again", "done nothing", "did nothing", "does nothing", "still seeing", "still there",
            "a joke", "haven't solved", "haven't fixed", "hasn't fixed", "haven't resolved", "hasn't resolved",
            "hasn't helped", "hasn't worked", "haven't helped", "cancel my contract", "cancelling my contract",
            "cancel my subscription", "bad review", "one star", "one-star", "worse", "unbelievable",
            "nothing's changed", "not acceptable", "no different", "wasted", "rubbish", "garbage", "pathetic",
            "escalat*", "unsolved", "still unresolved", "still a problem", "still exists", "problem persists",
            "nobody cared", "no one cares", "nobody cares", "what's the point", "what is the point", "what good is",
            "no use", "it's useless",
        ),
        "zh": (
            "还是不行", "还是没", "还是不能", "还是一样", "还是用不了", "还是打不开", "还是上不了", "还是连不上",
            "还是收不到", "怎么还", "还没好", "还没解决", "还没到", "还没收到", "没用的", "没用啊", "没用了", "没用,",
            "没用。", "没用!", "都没用", "还是没用", "没有用的", "没解决",
            "没有解决", "不管用", "没效果", "没变化", "问题还在", "同样的问题", "一样的问题", "老样子", "依然没",
            "依然不", "不满意", "失望", "算了", "无语", "呵呵", "答非所问", "不是我要的", "没回答", "白说", "白等",
            "浪费时间", "完全不行", "不行啊", "不对啊", "敷衍", "不想用了", "什么时候才", "还没有解决", "还没处理",
            "还没修", "还没恢复", "还没回复", "还没人", "还没有人", "还没给", "还没退", "还没有收到", "到底",
            "很失望", "太失望", "太差", "真差", "垃圾", "投诉", "等了这么久", "推卸", "坑人", "骗人", "差评",
            "找你们领导", "销户", "又断", "又坏", "又不行", "又出", "又是这样", "一点用", "屁用", "根本没解决",
            "根本没用", "根本没好", "根本没修", "白打", "白跑", "根本不行", "还不行", "也不行", "没处理", "太烂",
            "烂透", "更差", "更糟", "更严重", "还是登不上", "还是打不通", "依旧", "没什么用", "气死", "服了",
            "什么玩意", "太坑", "一个样", "照样", "依然如此", "依旧如此", "有用吗", "有用么", "有什么用", "无人问津",
            "别拖了", "不要再拖",
        ),
    },
    "repeat": {
        "en": (
            "i already told you", "i've already told you", "already said", "as i said", "like i said",
            "as i mentioned", "i already explained", "i've explained", "i already asked", "asked before",
            "asking again", "ask again", "said it before", "again and again", "how many times", "for the second time",
            "for the third time", "second time", "third time", "called before", "called twice", "called three times",
            "contacted you before", "keep asking", "keep telling", "keep repeating", "repeat myself",
            "repeating myself", "same question", "i told you", "read my message", "read what i wrote", "did you read",
            "again?",
        ),
        "zh": (
            "我都说了", "我已经说了", "我已经说过", "我说过了", "刚才说了", "刚才已经说", "刚说了", "上面说了",
            "前面说了", "说了多少遍", "说了好几遍", "说了几次", "问了好几次", "问了几次", "问了多少次", "又问",
            "再说一遍", "重复了", "重复说", "重复问", "重复一遍", "一再", "反复说", "反复问", "第二次", "第三次", "第几次", "好几次", "几遍了", "打了好几次", "联系了好几次",
            "一直在问", "还要我说", "没看我说", "看清楚", "你看一下我说的", "同样的问题",
        ),
    },
    "escalation": {
        "en": (
            "speak to a manager", "speak to your manager", "speak to the manager", "talk to a manager",
            "talk to your manager", "speak to a supervisor", "speak to your supervisor", "talk to a supervisor",
            "your supervisor", "your manager", "your boss", "someone senior", "someone in charge", "someone else",
            "a real person", "a human", "escalate", "escalate this", "escalation", "put me through to",
            "transfer me to",
        ),
        "zh": (
            "找你们领导", "找领导", "叫你们领导", "你们领导", "你们经理", "找经理", "找主管", "你们主管", "换个人",
            "换人", "上级", "负责人", "转人工", "人工客服", "找人工", "真人",
        ),
    },
    "threat": {
        "en": (
            "complain to", "report you", "ombudsman",
            "regulator", "trading standards", "consumer protection", "lawyer", "legal action", "court", "sue",
            "cancel my account", "cancel my contract", "cancel my subscription", "close my account",
            "take my business elsewhere", "switch provider", "switch to another", "go elsewhere", "leave you",
            "never use you again", "never again", "bad review", "one star", "one-star", "tell everyone",
            "social media", "the press", "media",
        ),
        "zh": (
            "12315", "工信部", "消协", "消费者协会", "监管", "曝光", "媒体", "记者",
            "起诉", "律师", "法院", "报警", "差评", "给差评", "销户", "退网", "注销", "换运营商", "再也不用",
            "再也不买", "告你们",
        ),
    },
}
