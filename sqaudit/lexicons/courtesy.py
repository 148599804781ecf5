"""Courtesy lexicon: politeness strategies and empathy mechanisms, English and Simplified Chinese.

Politeness markers follow Brown & Levinson's strategies as operationalised by
Danescu-Niculescu-Mizil et al. (2013, "A computational approach to politeness"): gratitude,
apology, deference, greetings, "please", hedges, indirect (counterfactual) requests and, for
Chinese, the honorific 您 and 请; the negative markers are their "direct question",
"please start", "2nd person start", "direct start", "factuality", "negative lexicon" and
bare-imperative features, rhetorical questions, the plain 你 where 您 is due, plus rude or
dismissive words; their "1st person start" and "positive lexicon" count for. Empathy markers follow the three communication mechanisms of Sharma et al.
(2020, EPITOME): emotional reaction, interpretation and exploration.

Plain data: ``MARKERS`` holds the phrases, ``POLARITY`` whether a marker adds (+1) or takes
away (-1) a point, ``WHERE`` the position rule a hit must meet, ``EXCEPT`` phrases that cancel
a marker hit they overlap (请 inside 申请, "don't" in "don't worry"), ``SETS`` the named groups a
rubric can ask for and ``LABELS`` the words shown in messages. Phrases follow rubric phrase
rules (see :mod:`sqaudit.lexicons`). Written from general knowledge of service and
conversational language; no phrase is taken from an evaluation set.
"""

from __future__ import annotations

from sqaudit.lexicons import Lexicon

MARKERS: Lexicon = {
    # ---- politeness, positive -------------------------------------------------------------
    "gratitude": {
        "en": ("thank you", "thanks", "thank*", "thx", "appreciat*", "grateful", "much obliged", "many thanks",
               "ty for", "kudos"),
        "zh": ("谢谢", "感谢", "多谢", "谢啦", "谢了", "感激", "致谢", "辛苦了", "辛苦您", "辛苦你", "感恩",
               "承蒙", "有劳", "劳您", "谢过"),
    },
    "apology": {
        "en": ("sorry", "apologi*", "apologiz*", "my apologies", "pardon", "excuse me", "forgive me",
               "oops", "my bad", "my mistake", "my fault", "i was wrong", "i stand corrected", "regret that",
               "regret the", "we regret", "i regret"),
        "zh": ("抱歉", "对不起", "不好意思", "对不住", "请原谅", "原谅我", "见谅", "海涵", "失礼", "打扰了",
               "打扰一下", "打扰您", "冒昧", "是我的错", "我的错", "我错了", "是我疏忽", "致歉", "道歉", "歉意",
               "是我搞错", "是我弄错"),
    },
    "deference": {
        "en": ("good job", "great job", "nice job", "good work", "great work", "nice work", "excellent work",
               "well done", "good point", "great point", "fair point", "valid point", "excellent point",
               "good question", "great question", "good idea", "great idea", "good catch", "nice catch",
               "you're right", "you are right", "you're absolutely right", "you are correct", "you're correct",
               "kind of you", "very kind", "so kind", "helpful", "thoughtful", "well written", "well said",
               "impressive", "i admire", "i respect", "with respect", "with all due respect",
               "great", "good", "nice", "excellent", "awesome", "wonderful", "fantastic", "brilliant",
               "lovely", "cool", "interesting", "fair enough", "perfect"),
        "zh": ("做得好", "做得很好", "干得好", "很棒", "太棒", "真棒", "佩服", "高见", "受教", "学习了",
               "有道理", "说得对", "说得好", "说得是", "所言极是", "言之有理", "您说得对", "感谢指正", "谢谢指正",
               "指教", "请教", "赐教", "指正", "斧正", "见教", "好主意", "好建议", "好问题", "很有帮助", "帮了大忙",
               "厉害", "精彩", "用心", "专业", "尊重", "敬佩", "欣赏", "点赞", "赞同", "同意您", "同意你"),
    },
    "greeting": {
        "en": ("hi", "hello", "hey", "hiya", "howdy", "greetings", "good morning", "good afternoon",
               "good evening", "good day", "dear", "welcome", "hope you're well", "hope you are well",
               "hope you're doing well", "hope this finds you well", "nice to meet you", "pleased to meet you",
               "how are you doing", "have a nice day", "have a good day", "have a great day", "best regards",
               "kind regards", "warm regards", "regards", "best wishes"),
        "zh": ("您好", "你好", "大家好", "各位好", "早上好", "上午好", "中午好", "下午好", "晚上好", "早安",
               "晚安", "嗨", "哈喽", "欢迎", "幸会", "久仰", "祝好", "顺祝", "此致", "敬礼", "祝您", "祝你",
               "祝一切顺利", "再见", "回见"),
    },
    "please": {
        "en": ("please", "pls", "plz", "kindly"),
        "zh": (),
    },
    "hedge": {
        "en": ("i think", "i believe", "i guess", "i suppose", "i feel", "i wonder", "i'm not sure",
               "i am not sure", "i'm not certain", "not entirely sure", "perhaps", "maybe", "might", "possibly",
               "probably", "presumably", "arguably", "apparently", "seem*", "it appears", "appears to",
               "somewhat", "a bit", "a little", "kind of", "sort of", "i'd say", "i would say",
               "in my opinion", "in my view", "imo", "imho", "if i'm not mistaken", "unless i'm mistaken",
               "correct me if", "as far as i know", "afaik", "i suspect", "i suggest", "suggestion", "could be",
               "may be", "likely", "to some extent", "i assume", "i'm afraid", "i am afraid", "it may",
               "this may", "that may", "there may", "may not", "i'd think", "i would think", "i'd guess",
               "not sure", "unsure", "i doubt", "i'm no expert", "if i understand correctly",
               "if i understand", "as i understand it", "as i understand", "from what i understand"),
        "zh": ("可能", "也许", "或许", "似乎", "好像", "大概", "恐怕", "估计", "貌似", "看来", "看起来", "应该是",
               "我觉得", "我认为", "我想", "个人认为", "个人觉得", "个人以为", "窃以为", "私以为", "愚见", "拙见",
               "浅见", "我猜", "不一定", "未必", "有点", "稍微", "略", "一些", "建议", "不妨", "仅供参考",
               "如果我没记错", "如果没记错", "据我所知", "个人意见", "个人看法", "感觉", "大致", "基本上", "一般来说",
               "似乎是", "是否", "不太", "不大", "不是很", "比较", "相对", "稍", "略微", "或者",
               "我个人", "不确定", "不清楚是否", "如有错误", "如有不妥", "如有不对", "欢迎指正"),
    },
    "indirect": {
        "en": ("could you", "would you", "would you mind", "do you mind", "would it be possible",
               "is it possible", "would it be ok", "would it be okay", "would it be alright", "would you be able",
               "could we", "would we", "might we", "might i", "may i", "could i", "if you could", "if you would",
               "if you don't mind", "if you do not mind", "if possible", "if you have time", "when you have a moment",
               "when you get a chance", "at your convenience", "i was wondering", "i wonder if", "wondering if",
               "would you be so kind", "would appreciate", "would be grateful", "would be great if",
               "would be nice if", "can you", "can we", "will you", "by the way", "btw", "let me know",
               "feel free", "if that's ok", "if that's okay", "if that works", "how about", "what about",
               "would you like", "shall we", "let's"),
        "zh": ("能否", "可否", "能不能", "可不可以", "是否可以", "是否能", "可以吗", "方便的话", "如果方便",
               "方便吗", "如果可以", "如有可能", "如果可能", "是不是可以", "麻烦您", "麻烦你", "麻烦", "劳烦", "烦劳",
               "劳驾", "不知道能不能", "不知能否", "不知是否", "想请", "想麻烦", "希望您能", "希望你能", "希望能",
               "帮忙", "帮个忙", "顺便", "要不", "不如", "如何", "怎么样", "可以考虑", "能帮", "可以帮"),
    },
    "honorific": {
        "en": ("sir", "madam", "ma'am", "mr", "mrs", "ms", "dr"),
        "zh": ("您", "请", "敬请", "烦请", "恳请", "诚请", "贵公司", "贵司", "贵方", "贵站", "贵处", "贵姓",
               "阁下", "尊敬", "敬上", "谨", "敬祝", "先生", "女士", "各位", "诸位", "敝人", "在下", "鄙人",
               "小弟", "晚辈", "后学", "不才", "拙作", "拙文", "斗胆", "笔者", "前辈", "老师"),
    },
    "agreement": {
        "en": ("i agree", "agreed", "i concur", "fair enough", "that's true", "that is true", "good point",
               "you have a point", "you've got a point", "i see your point", "i see what you mean",
               "i take your point", "point taken", "makes sense", "sounds good", "sounds great",
               "that works", "happy to", "glad to", "no problem", "no worries", "sure thing", "of course",
               "certainly", "absolutely", "definitely", "exactly", "indeed", "i see"),
        "zh": ("同意", "赞同", "赞成", "认同", "支持", "没问题", "没错", "说得是", "确实", "的确", "有道理",
               "好的", "可以的", "当然可以", "当然", "明白了", "了解", "收到", "好主意", "乐意", "很乐意"),
    },
    "inclusive": {
        "en": ("we", "us", "our", "let's", "let us", "together", "ourselves"),
        "zh": ("我们", "咱们", "大家", "一起", "共同"),
    },
    "friendly": {
        # positive feeling words and smileys (Danescu-Niculescu-Mizil et al.'s "positive lexicon")
        "en": (":)", ":-)", ";)", ";-)", ":d", "=)", "^_^", "^^", "🙂", "😊", "😀", "glad", "happy", "pleasure",
               "enjoy*", "hope this helps", "hope that helps", "hope it helps", "hope this is helpful",
               "no offense", "no offence", "cheers"),
        "zh": (":)", ":-)", "^_^", "^^", "🙂", "😊", "😀", "哈哈", "嘻嘻", "呵呵哈", "很高兴", "高兴", "荣幸",
               "乐意", "开心", "愉快", "希望对您有帮助", "希望对你有帮助", "希望有帮助", "供参考", "无意冒犯"),
    },
    "first_person_start": {
        # a sentence that opens on the speaker ("I have added…", "I'd like to…", 我已经…): talking
        # about one's own doing rather than the listener's (Danescu-Niculescu-Mizil et al.: "1st person start")
        "en": ("i", "i'm", "i am", "i've", "i have", "i'd", "i would", "i'll", "i will", "my", "me too"),
        "zh": ("我已经", "我已", "我刚", "我刚刚", "我这边", "我们这边", "我来", "我想请", "我尝试", "我试着"),
    },
    # ---- politeness, negative -------------------------------------------------------------
    "direct_question": {
        "en": ("why", "how come", "what the", "what on earth", "why on earth", "what makes you think",
               "what is wrong with", "what's wrong with", "what's your problem", "what is your problem",
               "who do you think", "who told you", "did you even", "do you even", "have you even",
               "are you serious", "seriously", "what exactly", "what's the point", "what is the point",
               "where did you", "where is your", "where's your", "who said", "what gives"),
        "zh": ("为什么", "为何", "凭什么", "干嘛", "干什么", "怎么回事", "什么意思", "你为什么", "你们为什么",
               "你凭什么", "你们凭什么", "难道", "你难道", "你到底", "你们到底", "到底", "究竟", "你怎么", "你们怎么",
               "谁让你", "谁说", "有什么资格", "请问你凭"),
    },
    "imperative": {
        "en": ("stop", "don't", "do not", "never", "go", "look", "read", "check", "fix", "give", "tell",
               "send", "explain", "answer", "remove", "delete", "leave", "get", "take", "put", "provide",
               "wait", "use", "add", "change", "revert", "keep", "avoid", "quit", "learn", "listen", "just",
               "calm down", "move", "show", "cite", "undo", "respond", "reply", "do it", "do that", "do this",
               "make sure", "refrain", "cease", "note that", "see", "try", "consider", "go ahead", "be careful",
               "mind your", "enough"),
        "zh": ("不要", "别", "不准", "不许", "不得", "禁止", "马上", "立刻", "立即", "赶紧", "赶快", "快点", "快去",
               "给我", "住手", "停止", "看清楚", "自己看", "自己去", "自己查", "去看", "回去", "说清楚", "拿出",
               "少来", "少废话", "注意你", "必须", "务必", "一定要"),
    },
    "please_start": {
        "en": ("please stop", "please don't", "please do not", "please refrain", "please cease", "please quit",
               "please read", "please learn", "please understand", "please just", "please explain why",
               "please answer", "please respond", "please stay", "please keep your", "please be aware",
               "please note that you", "please calm", "please leave", "please get", "please go",
               "please never", "please avoid", "please remember", "please realize", "please realise",
               "please check your", "please fix your", "kindly stop", "kindly refrain", "pls stop", "plz stop"),
        "zh": ("请不要", "请你不要", "请你们不要", "请您不要", "请别", "请你别", "请停止", "请你停止", "请勿再",
               "请你注意", "请你自己", "请你看清楚", "请看清楚", "请先看", "请你先"),
    },
    "second_person_start": {
        # a sentence that opens on the listener *and* a demand or a charge; "Your refund is on its
        # way" opens on the listener too, and is how service talk sounds
        "en": ("you need", "you have to", "you must", "you should", "you'll have to", "you will have to",
               "you didn't", "you did not", "you don't", "you never", "you always", "you obviously",
               "you clearly", "you're wrong", "you are wrong", "you people", "you guys", "your problem",
               "your fault", "your own fault", "u", "ur"),
        "zh": ("你必须", "你们必须", "你应该", "你们应该", "你得", "你们得", "你要", "你们要", "你给我",
               "你自己", "你们自己", "你根本", "你们根本", "你懂不懂", "你看不懂", "你不要", "你们不要", "你别",
               "你们别", "你不会", "你有没有", "你们有没有", "你这", "你们这", "你又", "你们又", "你已经", "你再",
               "你是不是", "你们是不是"),
    },
    "factuality": {
        "en": ("actually", "in fact", "the fact is", "the truth is", "the reality is", "the point is",
               "in reality", "obviously", "clearly", "evidently", "as i said", "as i already said",
               "as i have said", "as i've said", "i already told you", "i already said", "as already explained",
               "as i explained", "let me be clear", "to be clear", "frankly", "plainly", "undeniably",
               "whatsoever", "for the last time", "once again", "as everyone knows", "everyone knows",
               "it is a fact", "it's a fact", "the simple fact", "no matter what you", "like i said"),
        "zh": ("明明", "根本", "显然", "显而易见", "事实上", "实际上", "其实", "本来就", "分明", "早就说过",
               "我已经说过", "说过多少次", "说了多少遍", "摆明", "明摆着", "众所周知", "不言而喻", "毫无疑问",
               "一再", "再三", "已经说了", "说了很多次", "绝对", "简直", "压根", "居然", "竟然"),
    },
    "rude": {
        "en": ("stupid", "idiot*", "moron*", "dumb", "nonsense", "ridiculous", "absurd", "rubbish", "garbage",
               "crap", "bullshit", "bs", "shut up", "wtf", "damn", "hell", "pathetic", "lazy", "incompetent",
               "useless", "clueless", "ignorant", "silly", "fuck*", "shit*", "ass", "asshole", "jerk", "troll*",
               "liar", "lying", "childish", "pointless", "waste of time", "ludicrous", "laughable", "nobody cares",
               "who cares", "grow up", "get a life", "not my problem", "deal with it", "tough luck", "get lost",
               "go away", "whatever", "bother", "annoying", "insult*", "disgrace*", "shame on", "last warning",
               "final warning", "warning", "abuse", "abusive", "attack*",
               "harass*", "threat*", "rude", "lol", "lmao", "duh", "obviously not", "biased", "terrible", "horrible", "awful", "worst", "mess", "messed up", "lame",
               "crazy", "insane", "a joke", "waste", "sucks", "i hate", "hate it", "disgusting", "junk", "lies",
               "cheat*", "fake", "fraud", "arrogant", "hostile", "offensive", "stubborn", "hypocri*", "delusional",
               "fanatic*", "how dare", "shameful", "embarrassing", "unbelievable", "outrageous", "stop it",
               "enough is enough", "i'm sick of", "sick and tired", "fed up", "again and again", "over and over",
               "keep doing", "for god's sake", "come on", "are you kidding", "give me a break"),
        "zh": ("傻", "白痴", "笨蛋", "蠢", "脑残", "智障", "废话", "胡说", "胡扯", "扯淡", "放屁", "闭嘴", "滚",
               "有病", "神经病", "垃圾", "无语", "随便你", "爱咋咋", "你懂什么", "关你什么事", "关我什么事",
               "可笑", "荒谬", "荒唐", "无知", "不要脸", "恶心", "无耻", "捣乱", "胡闹", "无理取闹", "瞎", "乱改",
               "恶意", "自以为是", "强词夺理", "狡辩", "请自重", "警告", "懒得", "管你", "不关我事", "骗",
               "撒谎", "造谣", "污蔑", "诬陷", "人身攻击", "攻击", "挑衅", "滥用", "偏见", "歪曲",
               "抹黑", "别有用心", "居心", "劝你", "奉劝", "丢人", "丢脸", "笑死",
               "呵呵", "切", "靠", "妈的", "他妈", "卧槽", "混蛋", "王八", "狗", "猪", "差劲", "糟糕", "太差", "最差",
               "讨厌", "烦死", "气死", "可恶", "恶劣", "无聊", "幼稚", "愚蠢", "虚假", "欺骗", "傲慢", "霸道", "蛮横",
               "无礼", "没礼貌", "不礼貌", "固执", "偏执", "虚伪", "双标", "擅自", "故意", "一而再", "三番五次",
               "屡次", "又来", "够了", "受够", "岂有此理", "不可理喻", "莫名其妙"),
    },
    "disagreement": {
        "en": ("i disagree", "don't agree", "do not agree", "you're wrong", "you are wrong", "that's wrong",
               "that is wrong", "is wrong", "simply wrong", "completely wrong", "totally wrong", "incorrect",
               "not true", "untrue", "that's false", "is false", "misleading", "inaccurate", "makes no sense",
               "doesn't make sense", "does not make sense", "irrelevant", "unacceptable", "you misunderstood",
               "you misread", "you don't understand", "you do not understand", "you have no idea",
               "you clearly", "you obviously", "you didn't", "you did not", "you failed", "you keep",
               "you never", "you always", "your fault", "nothing to do with", "that's not how",
               "wrong"),
        "zh": ("不同意", "反对", "不认同", "不赞同", "不赞成", "不对", "错了", "错误", "不实", "不准确", "误导",
               "毫无意义", "没有意义", "莫名其妙", "不负责任", "不可接受", "无法接受", "离谱", "过分", "太过分",
               "你错了", "你们错了", "你没有", "你们没有", "你不懂", "你根本不", "不合理", "说不通", "没道理",
               "站不住脚", "毫无根据", "没有根据", "毫无道理", "与此无关", "无关"),
    },
    "direct_start": {
        # a sentence that opens on a bare connective, pressing the point ("So can you fix it or not?",
        # "And another thing", 所以呢): Danescu-Niculescu-Mizil et al.'s "direct start"
        "en": ("so", "then", "and", "but", "or", "and yet", "so what", "anyway", "anyways", "well then"),
        "zh": ("所以呢", "然后呢", "那又怎样", "那又如何", "那又怎么样", "那又怎么了", "那到底"),
    },
    "informal_you": {
        # the plain second person where the deferential form is due: 你 / 你们 rather than 您 (the T/V
        # distinction Chinese service language keeps), "u", "ya", "you guys" in English
        "en": ("u", "ur", "you lot", "you people"),
        "zh": ("你", "你们", "你的", "你们的"),
    },
    "rhetorical_question": {
        # a question that is a reproach, not a request for information ("Don't you think…?",
        # "Can't you see…?", 难道…吗？, 有什么不对？)
        "en": ("don't you think", "don't you see", "can't you see", "can't you read", "can you not",
               "isn't it obvious", "is it not obvious", "how hard is it", "how many times", "how can you",
               "how could you", "how dare you", "do you really", "did you really", "are you really",
               "did you not", "do you not", "or not",
               "what's wrong with you", "what is wrong with you", "are you joking",
               "is that too much", "is that so hard", "who are you to", "what did you expect", "really?"),
        "zh": ("岂不", "岂能", "何必", "何苦", "怎么能", "怎么可以", "怎能", "有什么不对", "有何不可",
               "有什么问题吗", "什么叫", "懂不懂", "好不好", "又不是", "还不是", "不是吗", "不是很清楚吗",
               "要我说几遍", "你没看到吗", "看不懂吗", "有意思吗", "有必要吗", "至于吗", "你说呢",
               "哪里不对", "有错吗", "还要我"),
    },
    "negative_lexicon": {
        # judging words short of an insult (Danescu-Niculescu-Mizil et al.'s "negative lexicon"): they weigh
        # less than a rude word and do not count as impolite on their own (CRT-02)
        "en": ("bad", "worse", "poor", "poorly", "flawed", "sloppy", "lousy", "careless", "unreliable", "inept",
               "bizarre", "weird", "nonsensical", "confusing", "confused", "misguided", "unfounded", "baseless",
               "dubious", "questionable", "unhelpful", "disruptive", "disingenuous", "unclear", "vague",
               "blatant*", "egregious", "unjustified", "unnecessary", "superfluous", "excessive"),
        "zh": ("不好", "很差", "太烂", "烂", "糟", "混乱", "乱七八糟", "不靠谱", "不专业", "外行", "马虎", "草率",
               "随意", "随便", "敷衍", "多余", "毫无", "离谱", "不像话", "不合适", "不妥", "莫须有", "片面",
               "牵强", "臆测", "无聊"),
    },
    "exclamation": {
        "en": ("!!", "?!", "!?", "??"),
        "zh": ("!!", "?!", "!?", "??"),
    },
    # ---- empathy (EPITOME), positive ------------------------------------------------------
    "emotional_reaction": {
        "en": ("sorry to hear", "so sorry", "really sorry", "very sorry", "i'm sorry", "i am sorry",
               "sorry that", "sorry you", "sorry for your loss", "that must be hard", "that must be difficult",
               "must be hard", "must be so hard", "must be difficult", "must be tough", "must be awful",
               "must be painful", "must be scary", "must be frustrating", "must be exhausting",
               "must be terrifying", "must feel", "must have been", "that sounds hard", "sounds hard",
               "sounds awful", "sounds terrible", "sounds rough", "sounds tough", "sounds painful",
               "sounds scary", "sounds frustrating", "sounds exhausting", "that's awful", "that's terrible",
               "that's horrible", "that's rough", "that's tough", "that's so hard", "that's hard", "that sucks",
               "that's sad", "so sad", "how awful", "how terrible", "how sad", "i feel for you", "i feel so bad",
               "i feel bad for", "my heart goes out", "my heart breaks", "breaks my heart", "heartbreaking",
               "heartbroken", "hugs", "sending love", "sending hugs", "sending you", "i'm here for you",
               "here for you", "i care about", "i care", "you matter", "you're not alone", "you are not alone",
               "i'm glad", "i am glad", "so glad", "glad to hear", "happy for you", "i'm worried about you",
               "worried about you", "i'm concerned", "that's so unfair", "so unfair", "not your fault",
               "it's okay", "it's ok", "it is okay", "that's okay", "it will get better", "it'll get better",
               "things will get better", "oh no", "aw", "aww", "awww", "wow", "<3", "❤", "congrat*", "sorry about",
               "sorry to", "sorry this", "it's hard", "it is hard", "so tough",
               "not easy", "isn't easy", "that's shitty", "that hurts", "my heart", "pm me", "message me",
               "dm me", "inbox me", "reach out to me", "you can talk to me", "talk to me", "here if you need",
               "if you ever need", "if you need someone", "if you want to talk", "if you need to talk",
               "here for u", "i'm here", "i am here", "stay positive", "sending strength", "be strong",
               "love you", "big hug", "virtual hug", "hug", "hope you feel better", "makes me sad",
               "so happy for", "that's wonderful", "that's great", "that's amazing", "i'd be frustrated too",
               "i'd be upset too", "i would be frustrated", "can't have been easy", "real hassle", "such a hassle",
               "not what you need", "sounds really stressful", "sounds stressful", "sounds so stressful"),
        "zh": ("听到这个我很难过", "听到这个", "听到这些", "我很难过", "很难过", "很遗憾", "真遗憾", "太遗憾",
               "心疼", "难受", "抱抱", "加油", "挺住", "别难过", "别伤心", "不要难过", "不要伤心", "辛苦了",
               "太不容易了", "真不容易", "不容易", "一定很难受", "一定很辛苦", "一定很痛苦", "一定很难过",
               "一定很着急", "一定很累", "肯定很难受", "肯定很着急", "太糟糕了", "真糟糕", "很同情", "同情",
               "理解您的心情", "理解你的心情", "您的心情", "你的心情", "为您难过", "为你难过", "为你高兴", "为您高兴",
               "替你高兴", "替您高兴", "耽误您", "耽误你", "换成谁都会", "换了谁都会", "谁都会着急", "我也挺着急",
               "我也很着急", "糟心", "特别理解", "非常理解", "辛苦您等", "搁谁身上", "谁都受不了", "很担心你", "担心你", "担心您", "你并不孤单", "你不是一个人", "我在这里",
               "我会陪着你", "陪着你", "希望你", "希望您", "保重", "照顾好自己", "早日康复", "一切都会好起来",
               "会好起来的", "委屈您了", "委屈你了", "受委屈", "别担心", "不要担心", "别着急", "不要着急",
               "着急是正常的", "恭喜", "太好了", "真为你", "真为您", "心情不好", "难为您", "难为你", "让您着急",
               "让您久等", "给您带来不便", "给您添麻烦"),
    },
    "encouragement": {
        "en": ("proud of you", "hope you feel better", "hope things get better", "hope it gets better",
               "i hope you", "i really hope", "i hope", "hopefully", "take care", "stay strong", "hang in there",
               "you've got this", "you got this", "you can do it", "you can do this", "keep your head up",
               "chin up", "keep going", "keep fighting", "don't give up", "do not give up", "never give up",
               "good luck", "best of luck", "wishing you", "i believe in you", "you deserve", "you are worth",
               "you're worth", "you are loved", "you're loved", "you are strong", "you're strong",
               "you're brave", "you are brave", "be kind to yourself", "be gentle with yourself",
               "you're doing great", "you are doing great", "you're doing well", "you did well",
               "it gets better", "it will pass", "this too shall pass", "there is hope", "there's hope",
               "you will get through", "you'll get through", "you can get through", "you'll be okay",
               "you will be okay", "you'll be fine", "you will be fine", "you're not a failure",
               "you are not a failure", "you're a good", "you are a good", "you matter", "stay safe",
               "all the best", "rooting for you", "thinking of you", "prayers", "praying for you"),
        "zh": ("加油", "挺住", "坚持", "别放弃", "不要放弃", "相信你", "相信您", "你可以的", "你能行", "一定可以",
               "一定会好", "会好的", "会过去的", "都会过去", "祝你", "祝您", "希望你", "希望您", "保重",
               "照顾好自己", "早日康复", "一切顺利", "好运", "你很棒", "你已经很棒", "你做得很好", "为你骄傲",
               "你值得", "你很勇敢", "你很坚强", "想开", "有希望"),
    },
    "interpretation": {
        "en": ("it sounds like", "sounds like you", "it seems like you", "seems like you", "it seems you",
               "you seem", "i understand", "i can understand", "i completely understand", "i totally understand",
               "i fully understand", "i get it", "i get that", "i get why", "i know how", "i know what it's like",
               "i know what it is like", "i know the feeling", "i know that feeling", "i know what you mean",
               "i know what you're going through", "i feel you", "i hear you", "i can imagine",
               "i can only imagine", "i can see why", "i can see how", "i can see that", "i can tell",
               "that makes sense", "makes sense that", "makes sense", "understandable", "understandably",
               "no wonder", "of course you feel", "it's normal to feel", "it's okay to feel", "it's ok to feel",
               "it's natural to", "it is normal to", "it is natural to", "you must feel", "you must be feeling",
               "you feel like", "you're feeling", "you are feeling", "you've been feeling", "you have been feeling",
               "you're going through", "you are going through", "what you're going through",
               "i understand that you", "i can relate", "i relate", "relatable", "i know how hard", "i know how it feels", "i know it's hard",
               "i know it is hard", "i realise", "i realize", "i see that", "i see why", "i see how",
               # inferring the other's feelings (EPITOME counts "that must be terrifying" as interpretation)
               "must be", "must have been", "must feel", "you must", "that sounds", "sounds like", "seems like",
               "it seems", "you might be feeling", "you may be feeling",
               "it can be", "that can be", "can be really", "it's easy to feel", "it's hard when",
               "it is hard when", "it's tough when", "it's normal", "it is normal", "it's natural",
               "it's common", "it is common", "a lot of people", "many people", "lots of people",
               "you're not the only", "you are not the only", "i feel ya", "feel ya", "familiar feeling", "i'm the same", "i am the same", "same for me", "same with me",
               "i do that too", "i do the same"),
        "zh": ("听起来", "听上去", "看得出", "看得出来", "看起来你", "看起来您", "感觉你", "感觉您", "你似乎",
               "您似乎", "我能理解", "我理解", "能理解", "可以理解", "完全理解", "非常理解", "十分理解", "理解您",
               "理解你", "明白您的意思", "明白你的意思", "明白您", "明白你", "我明白", "我懂", "我知道那种感觉",
               "那种感觉", "感同身受", "换做是我", "换作是我", "如果是我", "换成是我", "我也会",
               "难怪", "怪不得", "您的意思是", "你的意思是", "也就是说您", "也就是说你", "您是说", "你是说",
               "您是觉得", "你是觉得", "我知道您", "我知道你", "我能体会", "能体会", "体谅"),
    },
    "shared_experience": {
        "en": ("i've been through", "i have been through", "i went through", "i've been there",
               "i have been there", "been there", "same here", "me too", "i had the same", "i have the same",
               "i've had the same", "same thing happened", "happened to me", "i was in the same",
               "i'm in the same", "i am in the same", "same situation", "same boat", "similar situation",
               "i used to", "i felt the same", "i've felt", "i have felt", "i feel the same", "i felt",
               "i struggle with", "i've struggled", "i struggled", "i have struggled", "i suffer from",
               "i suffered", "i've had", "i have had", "i had", "in my experience", "my experience",
               "when i was", "i remember", "i've dealt with", "i dealt with", "i deal with", "i also", "i too",
               "so did i", "so do i", "for me", "my own", "i was", "i've been", "i have been", "i went",
               "i tried", "i've tried", "i did", "i got", "i lost", "i know what it's like", "myself"),
        "zh": ("我也经历过", "我也有过", "我也曾", "我以前也", "我也是", "我也遇到过", "我也碰到过", "同样的经历",
               "类似的经历", "我曾经", "我当时", "过来人", "我也一样", "我以前", "我自己", "我的经历", "我那时",
               "我那会", "我也有", "我之前"),
    },
    "exploration": {
        "en": ("tell me more", "can you tell me", "could you tell me", "can you share", "could you share",
               "would you like to talk", "do you want to talk", "want to talk about it", "care to share",
               "feel free to share", "feel free to talk", "i'd love to hear", "i would love to hear",
               "i'd like to hear", "i would like to hear", "if you want to talk", "if you need to talk",
               "if you'd like to talk", "if you ever want to talk", "happy to listen", "here to listen",
               "what happened", "what's going on", "what is going on", "what's been going on",
               "how are you feeling", "how do you feel", "how are you doing", "how have you been", "how are you",
               "how long", "how did that", "what do you think", "what made you", "what makes you feel",
               "what would help", "is there anything", "anything i can do", "are you okay", "are you ok",
               "are you alright", "have you talked", "have you tried", "have you considered", "have you thought",
               "do you have anyone", "do you have someone", "can you explain", "could you explain",
               "can you describe", "could you describe", "help me understand", "walk me through",
               "more details", "more detail", "more about"),
        "zh": ("能具体说说", "具体说说", "能说说", "说说看", "详细说说", "详细说一下", "具体讲讲", "具体说一下",
               "能详细", "可以详细", "发生了什么", "怎么了", "出什么事", "出了什么事", "什么情况", "具体是什么情况",
               "具体什么情况", "您现在感觉", "你现在感觉", "感觉怎么样", "感觉如何", "还好吗", "多久了", "有多久",
               "多长时间", "什么时候开始", "愿意聊聊", "想聊聊", "聊聊吗", "方便说一下", "方便说说", "可以告诉我",
               "能告诉我", "跟我说说", "和我说说", "您是指", "你是指", "愿意的话", "想说的话", "我在听",
               "我愿意听", "我听着", "有什么我可以", "有什么我能", "需要我做什么", "怎么想的", "您觉得呢", "你觉得呢",
               "您怎么看", "你怎么看"),
    },
    "open_question": {
        "en": ("how", "what", "why", "when", "where", "who", "which", "do you", "did you", "have you",
               "are you", "were you", "is it", "was it", "is that", "was that", "does it", "did it", "has it",
               "can you", "could you", "would you", "will you", "is there", "was there", "are there", "do they",
               "does that", "don't you", "aren't you", "haven't you", "didn't you"),
        "zh": ("什么", "怎么", "怎样", "如何", "为什么", "多久", "多长", "哪", "是否", "有没有", "是不是", "能不能",
               "会不会", "要不要", "吗", "呢", "么"),
    },
    # ---- empathy, negative ----------------------------------------------------------------
    "dismissive": {
        "en": ("calm down", "get over it", "get over yourself", "not a big deal", "no big deal",
               "you're overreacting", "you are overreacting", "stop complaining", "stop whining", "man up",
               "toughen up", "it's your own fault", "your own fault", "you brought this on", "just deal with it",
               "it could be worse", "others have it worse", "stop being dramatic", "you're being dramatic",
               "snap out of it", "cheer up", "just be happy", "just stop", "so what", "who cares"),
        "zh": ("冷静点", "至于吗", "至于嘛", "这有什么", "有什么大不了", "没什么大不了", "想开点", "别矫情",
               "矫情", "玻璃心", "活该", "自找的", "怪你自己", "怪谁", "谁让你", "别抱怨", "少抱怨", "别哭",
               "别想太多", "多大点事", "小事一桩", "有啥大不了"),
    },
}

# Weight of a marker found in a turn. The on-record positive strategies that Danescu-Niculescu-
# Mizil et al. found most polite (gratitude, apology, deference, greeting) weigh 2, the milder
# ones 1; every politeness threat weighs -2: one blunt "why…?" or rude word is not undone by one
# hedge (readers weigh impoliteness more than politeness). The milder threats -- a direct start,
# the plain second person, a judging word -- weigh -1 and are left out of the impoliteness set.
# Empathy markers weigh 1 each.
POLARITY: dict[str, int] = {
    "gratitude": 2, "apology": 2, "deference": 2, "greeting": 2, "please": 1, "hedge": 1, "indirect": 1,
    "honorific": 1, "agreement": 1, "inclusive": 1, "first_person_start": 1, "friendly": 1,
    "direct_question": -2, "rhetorical_question": -2, "direct_start": -1, "informal_you": -1,
    "negative_lexicon": -1, "imperative": -2, "please_start": -2, "second_person_start": -2, "factuality": -2,
    "rude": -2, "disagreement": -2, "exclamation": -2,
    "emotional_reaction": 1, "encouragement": 1, "interpretation": 1, "shared_experience": 1, "exploration": 1,
    "open_question": 1, "dismissive": -1,
}

# Position rules: "start" — at the start of a sentence (Chinese: of a clause, after ，too);
# "not_start" — anywhere but there; "question" — in a sentence that ends with a question mark.
WHERE: dict[str, str] = {
    "direct_question": "start", "imperative": "start", "please_start": "start",
    "second_person_start": "start", "open_question": "question", "first_person_start": "start",
    "direct_start": "start", "rhetorical_question": "question",
}

# Phrases that cancel a hit of the marker they overlap: the marker's phrase inside a longer
# word or idiom that means something else.
EXCEPT: dict[str, dict[str, tuple[str, ...]]] = {
    "honorific": {
        "en": ("dr.", "sir?"),
        "zh": ("申请", "邀请", "聘请", "宴请", "请假", "请客", "请柬", "请帖", "请愿", "请示", "提请", "报请",
               "呈请", "回请", "延请", "约请", "吁请", "谨慎", "严谨"),
    },
    "imperative": {
        "en": ("don't worry", "do not worry", "don't hesitate", "do not hesitate", "don't mention it",
               "never mind", "go ahead and let me", "see you", "take care", "take your time", "keep up the",
               "keep it up", "keep going", "keep your head up", "look forward", "wait and see",
               "give me a moment", "give me a second", "give me a sec", "give me a minute", "give me one moment",
               "give me just a moment", "bear with me", "just a moment", "just a second", "just one moment",
               "just to", "just so", "just in case", "just checking", "just confirming", "just wanted",
               "just want", "just let me", "just a quick"),
        "zh": ("别担心", "别着急", "别客气", "不要担心", "不要着急", "不要客气", "别难过", "不要难过", "别伤心",
               "不要伤心", "马上为您", "马上帮您", "马上给您", "立即为您", "立刻为您", "立即帮您", "立刻帮您"),
    },
    "second_person_start": {
        "en": ("you're welcome", "you are welcome", "you're right", "you are right", "you're correct",
               "you are correct", "you're not alone", "you are not alone", "your welcome", "you could",
               "you might", "you may", "you're absolutely right"),
        "zh": (),
    },
    "please_start": {
        "en": ("please don't apologise", "please don't apologize", "please do not apologise",
               "please do not apologize", "please don't worry", "please do not worry", "please don't hesitate",
               "please do not hesitate", "please don't share", "please do not share", "please don't give",
               "please do not give", "please don't feel"),
        "zh": ("请不要客气", "请别客气", "请不要担心", "请别担心", "请不要着急", "请别着急", "请不要透露", "请勿透露",
               "请不要告诉任何人"),
    },
    "factuality": {
        "en": ("really sorry", "really appreciate", "really glad", "really hope", "thank you again",
               "thanks again", "of course!", "just to", "just wanted", "just want", "just a", "even if",
               "even though", "really helpful", "absolutely right", "definitely worth", "certainly worth"),
        "zh": ("完全理解", "完全同意", "完全可以"),
    },
    "hedge": {
        "en": ("should be", "i think so too", "would you", "could you", "would it", "could we", "would like",
               "would be grateful", "would appreciate", "could i", "would be great", "would be nice"),
        "zh": ("可能性",),
    },
    "deference": {
        "en": ("good morning", "good afternoon", "good evening", "good day", "good luck", "not good",
               "good faith", "good bye", "goodbye", "pretty good", "good enough", "great deal", "great britain",
               "great war"),
        "zh": (),
    },
    "rude": {
        "en": ("hell of", "hello", "bother you", "sorry to bother", "don't bother", "no bother", ),
        "zh": ("狗狗", "熊猫", "猪肉", "骗局"),
    },
    "open_question": {
        "en": (), "zh": ("什么时候", "怎么样"),
    },
    "interpretation": {
        # asking about the feeling explores it; it does not say what was understood
        "en": ("do you feel like", "does it feel like", "makes you feel like", "make you feel like",
               "why do you feel", "how do you feel", "what do you feel"),
        "zh": ("你觉得呢", "您觉得呢"),
    },
}

LABELS: dict[str, str] = {
    "gratitude": "gratitude", "apology": "apology", "deference": "deference", "greeting": "greeting",
    "please": "please", "hedge": "hedge", "indirect": "indirect request", "honorific": "honorific",
    "direct_question": "direct question", "imperative": "bare imperative", "please_start": "please at the start",
    "second_person_start": "second person at the start", "factuality": "factuality", "rude": "rude word", "agreement": "agreement", "inclusive": "inclusive we",
    "disagreement": "disagreement", "exclamation": "exclamation", "encouragement": "encouragement",
    "shared_experience": "shared experience",
    "emotional_reaction": "emotional reaction", "interpretation": "interpretation", "exploration": "exploration",
    "open_question": "question", "dismissive": "dismissive", "first_person_start": "first person at the start",
    "direct_start": "direct start", "informal_you": "plain second person", "friendly": "positive word",
    "negative_lexicon": "negative word", "rhetorical_question": "rhetorical question",
}

POLITENESS = ("gratitude", "apology", "deference", "greeting", "please", "hedge", "indirect", "honorific",
              "agreement", "inclusive", "friendly", "first_person_start", "direct_question", "rhetorical_question",
              "imperative", "please_start", "second_person_start", "direct_start", "informal_you", "factuality",
              "rude", "negative_lexicon", "disagreement", "exclamation")

SETS: dict[str, tuple[str, ...]] = {
    "politeness": POLITENESS,
    "courtesy_forms": ("gratitude", "apology", "greeting", "please", "indirect", "honorific"),
    "impoliteness": ("direct_question", "rhetorical_question", "imperative", "please_start", "second_person_start",
                     "factuality", "rude", "disagreement", "exclamation"),
    "empathy": ("emotional_reaction", "encouragement", "interpretation", "shared_experience", "exploration",
                "open_question", "dismissive"),
    "emotional_reaction": ("emotional_reaction", "encouragement"),
    "interpretation": ("interpretation", "shared_experience"),
    "exploration": ("exploration", "open_question"),
}
