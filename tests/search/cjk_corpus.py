"""A small four-language corpus and the queries each page must answer.

The same stories are told in English, Chinese, Japanese and Korean (as an
investment-promotion agency publishes them), plus a few pages that share words
with them, so a query has to rank the right page, not merely find any page.
Keys are short page ids used by the query table; titles are what the visitor sees.
"""

PAGES = {
    "en": {
        "hynix": (
            "SK Hynix expands memory packaging in Wuxi",
            "SK Hynix is adding a high-bandwidth memory packaging line in the district. "
            "The investment of 1.2 billion dollars strengthens the semiconductor cluster.",
        ),
        "murata": (
            "Murata Manufacturing opens a capacitor plant",
            "Murata Manufacturing has opened a plant for multilayer ceramic capacitors "
            "serving automotive electronics makers.",
        ),
        "biomed": (
            "Biomedicine park welcomes drug developers",
            "The biomedicine park offers laboratories and support for clinical trials "
            "to innovative drug developers.",
        ),
        "taihu": (
            "Taihu Bay science and innovation city plan",
            "The Taihu Bay science city will host research institutes, universities and "
            "start-up incubators on the lake shore.",
        ),
        "policy": (
            "Investment incentives for integrated circuit firms",
            "Integrated circuit and semiconductor firms can apply for rent subsidies, "
            "talent awards and equipment investment incentives.",
        ),
        "delegation": (
            "Korean business delegation visits in 2019",
            "A delegation of Korean companies led by SK Hynix and Samsung visited the "
            "district in 2019 to discuss semiconductor cooperation.",
        ),
        "iot": (
            "Internet of Things industry grows",
            "Sensor makers and Internet of Things platforms form a fast-growing industry.",
        ),
    },
    "zh-hans": {
        "hynix": (
            "SK海力士扩建无锡存储器封装产线",
            "SK海力士在高新区新增高带宽存储器封装产线，总投资12亿美元，进一步壮大半导体产业集群。",
        ),
        "murata": (
            "村田制作所新建电容器工厂",
            "村田制作所在无锡新建多层陶瓷电容器工厂，主要服务汽车电子企业。",
        ),
        "biomed": (
            "生物医药产业园迎来新药研发企业",
            "生物医药产业园为创新药研发企业提供实验室和临床试验支持。",
        ),
        "taihu": (
            "太湖湾科创城发展规划",
            "太湖湾科创城将集聚科研院所、高校和创业孵化器，沿湖布局。",
        ),
        "policy": (
            "集成电路企业投资优惠政策",
            "集成电路和半导体企业可申请房租补贴、人才奖励和设备投资优惠。",
        ),
        "delegation": (
            "2019年韩国企业代表团访问高新区",
            "由SK海力士和三星带队的韩国企业代表团于2019年访问高新区，洽谈半导体合作。",
        ),
        "iot": (
            "物联网产业快速发展",
            "传感器制造商和物联网平台构成快速增长的产业。",
        ),
    },
    "ja": {
        "hynix": (
            "SKハイニックス、無錫でメモリーのパッケージング工場を拡張",
            "SKハイニックスは高新区に広帯域メモリーのパッケージングラインを新設する。"
            "投資額は12億ドルで、半導体産業の集積を強化する。",
        ),
        "murata": (
            "村田製作所が無錫に新しいコンデンサー工場を開設",
            "村田製作所は無錫に積層セラミックコンデンサの新工場を開設し、"
            "自動車向け電子部品メーカーに供給する。",
        ),
        "biomed": (
            "バイオ医薬産業パークに新薬開発企業が集まる",
            "バイオ医薬産業パークは、革新的な新薬を開発する企業に研究室と臨床試験の支援を提供する。",
        ),
        "taihu": (
            "太湖湾科学技術イノベーション都市の計画",
            "太湖湾の科学技術都市には研究機関、大学、スタートアップ支援施設が湖畔に集まる。",
        ),
        "policy": (
            "集積回路企業への投資優遇政策",
            "集積回路と半導体の企業は、家賃補助金、人材奨励金、設備投資の優遇措置を申請できる。",
        ),
        "delegation": (
            "2019年、韓国企業の代表団が高新区を訪問",
            "SKハイニックスやサムスンが率いる韓国企業の代表団が2019年に高新区を訪れ、"
            "半導体分野の協力について協議した。",
        ),
        "iot": (
            "IoT産業が急成長",
            "センサーメーカーとIoTプラットフォームが急成長する産業を形成している。",
        ),
    },
    "ko": {
        "hynix": (
            "SK하이닉스, 우시에서 메모리 패키징 라인 확장",
            "SK하이닉스가 우시 고신구에 고대역폭 메모리 패키징 라인을 새로 짓는다. "
            "이번 투자 규모는 12억 달러로 반도체 산업 클러스터를 강화한다.",
        ),
        "murata": (
            "무라타제작소, 우시에 콘덴서 공장 개설",
            "무라타제작소가 우시에 적층 세라믹 콘덴서 신공장을 열고 자동차 전장 기업에 공급한다.",
        ),
        "biomed": (
            "바이오의약 산업단지에 신약 개발 기업 입주",
            "바이오의약 산업단지는 혁신 신약 개발 기업에 실험실과 임상시험 지원을 제공한다.",
        ),
        "taihu": (
            "타이후만 과학기술혁신도시 계획",
            "타이후만 과학기술도시에는 연구기관, 대학, 창업 보육센터가 호숫가에 들어선다.",
        ),
        "policy": (
            "집적회로 기업 투자 우대 정책",
            "집적회로 및 반도체 기업은 임대료 보조금, 인재 장려금, 설비 투자 우대를 신청할 수 있다.",
        ),
        "delegation": (
            "2019년 한국 기업 대표단, 우시 고신구 방문",
            "SK하이닉스와 삼성이 이끄는 한국 기업 대표단이 2019년 고신구를 방문해 "
            "하이닉스의 투자 확대와 반도체 협력을 논의했다.",
        ),
        "iot": (
            "사물인터넷 산업 급성장",
            "센서 제조업체와 사물인터넷 플랫폼이 빠르게 성장하는 산업을 이루고 있다.",
        ),
    },
}

# (language, query, ids of the pages that must all be in the first 10 results)
QUERIES = [
    # English
    ("en", "SK Hynix", ("hynix", "delegation")),
    ("en", "hynix", ("hynix", "delegation")),
    ("en", "Murata", ("murata",)),
    ("en", "biomedicine", ("biomed",)),
    ("en", "Taihu Bay", ("taihu",)),
    ("en", "delegation", ("delegation",)),
    ("en", "investment incentives", ("policy",)),
    ("en", "semiconductor", ("hynix", "policy", "delegation")),
    ("en", "capacitors", ("murata",)),
    ("en", "clinical trials", ("biomed",)),
    # Chinese: words of two to five characters, mixed Latin/CJK, no spaces
    ("zh-hans", "半导体", ("hynix", "policy", "delegation")),
    ("zh-hans", "SK海力士", ("hynix", "delegation")),
    ("zh-hans", "海力士", ("hynix", "delegation")),
    ("zh-hans", "存储器", ("hynix",)),
    ("zh-hans", "村田制作所", ("murata",)),
    ("zh-hans", "村田", ("murata",)),
    ("zh-hans", "生物医药", ("biomed",)),
    ("zh-hans", "临床试验", ("biomed",)),
    ("zh-hans", "太湖湾", ("taihu",)),
    ("zh-hans", "代表团", ("delegation",)),
    ("zh-hans", "投资 优惠", ("policy",)),
    ("zh-hans", "集成电路补贴", ("policy",)),
    ("zh-hans", "无锡 SK海力士", ("hynix",)),
    ("zh-hans", "锡", ("hynix", "murata")),
    ("zh-hans", "物联网", ("iot",)),
    ("zh-hans", "人才", ("policy",)),
    # Japanese: katakana, kanji, kana/kanji mixes, particles
    ("ja", "SKハイニックス", ("hynix", "delegation")),
    ("ja", "ハイニックス", ("hynix", "delegation")),
    ("ja", "村田製作所", ("murata",)),
    ("ja", "コンデンサー", ("murata",)),
    ("ja", "バイオ医薬", ("biomed",)),
    ("ja", "臨床試験", ("biomed",)),
    ("ja", "太湖湾", ("taihu",)),
    ("ja", "代表団", ("delegation",)),
    ("ja", "半導体", ("hynix", "policy", "delegation")),
    ("ja", "補助金", ("policy",)),
    ("ja", "投資 優遇", ("policy",)),
    ("ja", "村田製作所の工場", ("murata",)),
    ("ja", "新しいコンデンサー", ("murata",)),
    ("ja", "ＩｏＴ", ("iot",)),
    # Korean: with and without spaces, particles attached in the text
    ("ko", "SK하이닉스", ("hynix", "delegation")),
    ("ko", "하이닉스", ("hynix", "delegation")),
    ("ko", "대표단", ("delegation",)),
    ("ko", "하이닉스 투자", ("hynix", "delegation")),
    ("ko", "하이닉스투자", ("hynix", "delegation")),
    ("ko", "무라타제작소", ("murata",)),
    ("ko", "콘덴서", ("murata",)),
    ("ko", "바이오의약", ("biomed",)),
    ("ko", "임상시험", ("biomed",)),
    ("ko", "타이후만", ("taihu",)),
    ("ko", "반도체", ("hynix", "policy", "delegation")),
    ("ko", "보조금", ("policy",)),
    ("ko", "투자 우대 정책", ("policy",)),
    ("ko", "신약개발", ("biomed",)),
    ("ko", "사물 인터넷", ("iot",)),
]
