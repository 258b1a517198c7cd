"""Alt text of the demo images in Chinese, Japanese and Korean.

Images are not translated with wagtail-localize (they are shared by every language);
each image carries its alt text per language in `SiteImage.alt_texts`. The demo's
English alt texts (the `alt` given to `DemoBuilder.image`) are translated here, keyed
by the English text, written for a reader of each language; `load_demo` applies them
after translating the pages. Company names follow the
demo page catalogues (content/translations/*.po). An English alt text missing from
this table leaves the image with English alt text in every language;
tests/core/test_image_alt_text.py checks that every entry has all three languages.
"""

ALT_TEXTS: dict[str, dict[str, str]] = {
    # -- office towers, skylines ------------------------------------------------------
    "Illustration of a row of office towers with lit windows against a blue sky": {
        "zh-hans": "插画：蓝天下一排亮着灯的写字楼",
        "ja": "青空を背に、窓に明かりがともるオフィスビルが並ぶイラスト",
        "ko": "푸른 하늘을 배경으로 창문에 불이 켜진 사무용 빌딩이 늘어선 일러스트",
    },
    "Illustration of a row of office towers with lit windows": {
        "zh-hans": "插画：一排亮着灯的写字楼",
        "ja": "窓に明かりがともるオフィスビルが並ぶイラスト",
        "ko": "창문에 불이 켜진 사무용 빌딩이 늘어선 일러스트",
    },
    "Illustration of office towers with lit windows in blue": {
        "zh-hans": "插画：亮着灯的写字楼，蓝色调",
        "ja": "窓に明かりがともるオフィスビルのイラスト（青系）",
        "ko": "창문에 불이 켜진 사무용 빌딩 일러스트(파란색 계열)",
    },
    "Illustration of office towers with lit windows in teal": {
        "zh-hans": "插画：亮着灯的写字楼，青绿色调",
        "ja": "窓に明かりがともるオフィスビルのイラスト（青緑系）",
        "ko": "창문에 불이 켜진 사무용 빌딩 일러스트(청록색 계열)",
    },
    "Illustration of office towers with lit windows in slate grey": {
        "zh-hans": "插画：亮着灯的写字楼，石板灰色调",
        "ja": "窓に明かりがともるオフィスビルのイラスト（スレートグレー）",
        "ko": "창문에 불이 켜진 사무용 빌딩 일러스트(슬레이트 회색 계열)",
    },
    "Illustration of office towers with lit windows under a pink dusk sky": {
        "zh-hans": "插画：粉色暮色下亮着灯的写字楼",
        "ja": "ピンク色の夕暮れ空の下、窓に明かりがともるオフィスビルのイラスト",
        "ko": "분홍빛 해 질 녘 하늘 아래 창문에 불이 켜진 사무용 빌딩 일러스트",
    },
    "Illustration of office towers with lit windows in warm amber": {
        "zh-hans": "插画：亮着灯的写字楼，暖琥珀色调",
        "ja": "窓に明かりがともるオフィスビルのイラスト（温かみのある琥珀色）",
        "ko": "창문에 불이 켜진 사무용 빌딩 일러스트(따뜻한 호박색 계열)",
    },
    "Illustration of office towers with lit windows in green": {
        "zh-hans": "插画：亮着灯的写字楼，绿色调",
        "ja": "窓に明かりがともるオフィスビルのイラスト（緑系）",
        "ko": "창문에 불이 켜진 사무용 빌딩 일러스트(초록색 계열)",
    },
    "Illustration of office towers with lit windows in deep red": {
        "zh-hans": "插画：亮着灯的写字楼，深红色调",
        "ja": "窓に明かりがともるオフィスビルのイラスト（深紅）",
        "ko": "창문에 불이 켜진 사무용 빌딩 일러스트(짙은 빨간색 계열)",
    },
    "Illustration of a city skyline with lit windows against a blue sky": {
        "zh-hans": "插画：蓝天下灯火通明的城市天际线",
        "ja": "青空を背にした、窓に明かりがともる街のスカイラインのイラスト",
        "ko": "푸른 하늘을 배경으로 창문에 불이 켜진 도시 스카이라인 일러스트",
    },
    "Illustration of office towers under a dusk sky": {
        "zh-hans": "插画：暮色中的写字楼",
        "ja": "夕暮れ空の下のオフィスビルのイラスト",
        "ko": "해 질 녘 하늘 아래의 사무용 빌딩 일러스트",
    },
    "Illustration of office towers in slate grey": {
        "zh-hans": "插画：石板灰色调的写字楼",
        "ja": "スレートグレーで描いたオフィスビルのイラスト",
        "ko": "슬레이트 회색으로 그린 사무용 빌딩 일러스트",
    },
    "Illustration of an industrial park skyline with office towers": {
        "zh-hans": "插画：高楼林立的产业园区天际线",
        "ja": "オフィスビルが立ち並ぶ産業パークのスカイラインのイラスト",
        "ko": "사무용 빌딩이 늘어선 산업단지 스카이라인 일러스트",
    },
    "Illustration of city towers with lit windows under a pink and purple evening sky": {
        "zh-hans": "插画：粉紫色晚霞下灯火通明的城市高楼",
        "ja": "ピンクと紫の夕空の下、窓に明かりがともる街の高層ビルのイラスト",
        "ko": "분홍빛과 보랏빛 저녁 하늘 아래 창문에 불이 켜진 도시 고층 빌딩 일러스트",
    },
    "Illustration of a modern city skyline at dusk beside a lake": {
        "zh-hans": "插画：黄昏时分湖畔的现代城市天际线",
        "ja": "夕暮れどき、湖のほとりに広がる近代的な街のスカイラインのイラスト",
        "ko": "해 질 녘 호숫가에 펼쳐진 현대적인 도시 스카이라인 일러스트",
    },
    # -- circuits and chips -----------------------------------------------------------
    "Illustration of circuit-board traces leading to a square chip in the centre": {
        "zh-hans": "插画：电路板走线汇向中央的一枚方形芯片",
        "ja": "回路基板の配線が中央の四角いチップへと集まるイラスト",
        "ko": "회로 기판의 배선이 가운데 사각형 칩으로 모이는 일러스트",
    },
    "Illustration of circuit-board traces around a dark square chip": {
        "zh-hans": "插画：深色方形芯片四周布满电路板走线",
        "ja": "濃い色の四角いチップを回路基板の配線が囲むイラスト",
        "ko": "어두운 색 사각형 칩을 회로 기판 배선이 둘러싼 일러스트",
    },
    "Illustration of circuit-board traces and solder points in blue": {
        "zh-hans": "插画：电路板走线与焊点，蓝色调",
        "ja": "回路基板の配線とはんだ付けの点のイラスト（青系）",
        "ko": "회로 기판 배선과 납땜 자국 일러스트(파란색 계열)",
    },
    "Illustration of circuit-board traces and solder points under a pink dusk sky": {
        "zh-hans": "插画：粉色暮色背景上的电路板走线与焊点",
        "ja": "ピンク色の夕暮れ空を背にした回路基板の配線とはんだ付けの点のイラスト",
        "ko": "분홍빛 해 질 녘 하늘을 배경으로 한 회로 기판 배선과 납땜 자국 일러스트",
    },
    "Illustration of circuit-board traces and solder points in slate grey": {
        "zh-hans": "插画：电路板走线与焊点，石板灰色调",
        "ja": "回路基板の配線とはんだ付けの点のイラスト（スレートグレー）",
        "ko": "회로 기판 배선과 납땜 자국 일러스트(슬레이트 회색 계열)",
    },
    "Illustration of circuit-board traces and solder points in warm amber": {
        "zh-hans": "插画：电路板走线与焊点，暖琥珀色调",
        "ja": "回路基板の配線とはんだ付けの点のイラスト（温かみのある琥珀色）",
        "ko": "회로 기판 배선과 납땜 자국 일러스트(따뜻한 호박색 계열)",
    },
    "Illustration of circuit-board traces and solder points in teal": {
        "zh-hans": "插画：电路板走线与焊点，青绿色调",
        "ja": "回路基板の配線とはんだ付けの点のイラスト（青緑系）",
        "ko": "회로 기판 배선과 납땜 자국 일러스트(청록색 계열)",
    },
    "Illustration of a printed circuit pattern in teal": {
        "zh-hans": "插画：青绿色调的印刷电路图案",
        "ja": "青緑系で描いたプリント回路の模様のイラスト",
        "ko": "청록색으로 그린 인쇄 회로 무늬 일러스트",
    },
    # -- molecules --------------------------------------------------------------------
    "Illustration of linked circles forming a molecule-like chain": {
        "zh-hans": "插画：相连的圆圈组成分子般的链条",
        "ja": "円がつながって分子のような鎖をつくるイラスト",
        "ko": "동그라미들이 이어져 분자 모양의 사슬을 이루는 일러스트",
    },
    "Illustration of a molecule model made of linked spheres in teal": {
        "zh-hans": "插画：由小球相连而成的分子模型，青绿色调",
        "ja": "球をつないだ分子模型のイラスト（青緑系）",
        "ko": "구슬을 이어 만든 분자 모형 일러스트(청록색 계열)",
    },
    "Illustration of a molecule model made of linked spheres in blue": {
        "zh-hans": "插画：由小球相连而成的分子模型，蓝色调",
        "ja": "球をつないだ分子模型のイラスト（青系）",
        "ko": "구슬을 이어 만든 분자 모형 일러스트(파란색 계열)",
    },
    "Illustration of linked molecules drawn as circles and lines on a teal background": {
        "zh-hans": "插画：青绿色背景上用圆圈和线条画出的相连分子",
        "ja": "青緑の背景に、円と線で描いた分子がつながるイラスト",
        "ko": "청록색 바탕에 동그라미와 선으로 그린 분자들이 이어진 일러스트",
    },
    # -- parks, buildings, lakes ------------------------------------------------------
    "Illustration of a low white building among trees on a green lawn": {
        "zh-hans": "插画：绿色草坪上、树丛间的一座白色低层建筑",
        "ja": "緑の芝生の上、木々に囲まれた白い低層の建物のイラスト",
        "ko": "푸른 잔디밭 위 나무들 사이에 있는 흰색 저층 건물 일러스트",
    },
    "Illustration of hills beside a lake under a round sun": {
        "zh-hans": "插画：圆圆的太阳下，湖边的山丘",
        "ja": "丸い太陽の下、湖のそばに連なる丘のイラスト",
        "ko": "둥근 해 아래 호숫가에 이어진 언덕 일러스트",
    },
    "Illustration of rounded trees in a park in green": {
        "zh-hans": "插画：公园里圆润的树木，绿色调",
        "ja": "公園に並ぶ丸い木々のイラスト（緑系）",
        "ko": "공원의 둥근 나무들 일러스트(초록색 계열)",
    },
    "Illustration of a lake below rolling hills and a low sun under a pink dusk sky": {
        "zh-hans": "插画：粉色暮色下，连绵山丘与低垂夕阳映衬着湖面",
        "ja": "ピンク色の夕暮れ空の下、なだらかな丘と低い太陽を望む湖のイラスト",
        "ko": "분홍빛 해 질 녘 하늘 아래 완만한 언덕과 낮게 걸린 해를 품은 호수 일러스트",
    },
    "Illustration of a lake below rolling hills and a low sun in blue": {
        "zh-hans": "插画：连绵山丘与低垂的太阳下的湖面，蓝色调",
        "ja": "なだらかな丘と低い太陽を望む湖のイラスト（青系）",
        "ko": "완만한 언덕과 낮게 걸린 해 아래의 호수 일러스트(파란색 계열)",
    },
    "Illustration of a lake below rolling hills and a low sun in warm amber": {
        "zh-hans": "插画：连绵山丘与低垂的太阳下的湖面，暖琥珀色调",
        "ja": "なだらかな丘と低い太陽を望む湖のイラスト（温かみのある琥珀色）",
        "ko": "완만한 언덕과 낮게 걸린 해 아래의 호수 일러스트(따뜻한 호박색 계열)",
    },
    "Illustration of hills and a lake under a low sun in warm amber tones": {
        "zh-hans": "插画：低垂的太阳下的山丘与湖泊，暖琥珀色调",
        "ja": "低い太陽の下の丘と湖を、温かみのある琥珀色で描いたイラスト",
        "ko": "낮게 걸린 해 아래의 언덕과 호수를 따뜻한 호박색으로 그린 일러스트",
    },
    "Illustration of a lake with hills in green": {
        "zh-hans": "插画：山丘环抱的湖泊，绿色调",
        "ja": "丘に囲まれた湖のイラスト（緑系）",
        "ko": "언덕에 둘러싸인 호수 일러스트(초록색 계열)",
    },
    "Illustration of a modern building beside a river at dusk": {
        "zh-hans": "插画：黄昏时分河边的一座现代建筑",
        "ja": "夕暮れどき、川沿いに建つ近代的な建物のイラスト",
        "ko": "해 질 녘 강가에 서 있는 현대적인 건물 일러스트",
    },
    "Illustration of green parkland with paths and low mounds": {
        "zh-hans": "插画：绿意盎然的公园，小径蜿蜒，土丘低矮",
        "ja": "小道と低い塚のある緑の公園のイラスト",
        "ko": "산책로와 나지막한 둔덕이 있는 푸른 공원 일러스트",
    },
    "Illustration of grassy mounds and footpaths in a park": {
        "zh-hans": "插画：公园里长满青草的土丘和步道",
        "ja": "公園の草に覆われた塚と遊歩道のイラスト",
        "ko": "공원의 풀로 덮인 둔덕과 산책로 일러스트",
    },
    "Illustration of a park with trees and a winding path": {
        "zh-hans": "插画：绿树成荫、小路蜿蜒的公园",
        "ja": "木々の間を小道が曲がりくねって続く公園のイラスト",
        "ko": "나무 사이로 구불구불한 길이 이어지는 공원 일러스트",
    },
    "Illustration of a modern building reflected in a river at dusk": {
        "zh-hans": "插画：黄昏时分倒映在河面上的现代建筑",
        "ja": "夕暮れどき、川面に映る近代的な建物のイラスト",
        "ko": "해 질 녘 강물에 비친 현대적인 건물 일러스트",
    },
    "Illustration of a calm lake with hills on the far shore": {
        "zh-hans": "插画：平静的湖面，对岸山丘起伏",
        "ja": "静かな湖と、対岸に連なる丘のイラスト",
        "ko": "잔잔한 호수와 건너편 기슭의 언덕 일러스트",
    },
    "Illustration of a lake under an evening sky": {
        "zh-hans": "插画：傍晚天空下的湖泊",
        "ja": "夕方の空の下に広がる湖のイラスト",
        "ko": "저녁 하늘 아래 펼쳐진 호수 일러스트",
    },
    "Illustration of an orchard with rows of trees": {
        "zh-hans": "插画：果树成行的果园",
        "ja": "果樹が列をなして並ぶ果樹園のイラスト",
        "ko": "과일나무가 줄지어 선 과수원 일러스트",
    },
    "Illustration of hills and an evening sun above a calm lake": {
        "zh-hans": "插画：平静湖面上方的山丘与夕阳",
        "ja": "静かな湖の向こうに丘と夕日が見えるイラスト",
        "ko": "잔잔한 호수 위로 언덕과 저녁 해가 보이는 일러스트",
    },
    "Illustration of hills, a lake and the evening sun": {
        "zh-hans": "插画：山丘、湖泊与夕阳",
        "ja": "丘と湖、夕日のイラスト",
        "ko": "언덕과 호수, 저녁 해 일러스트",
    },
    # -- people -----------------------------------------------------------------------
    "Illustration of a row of people standing side by side": {
        "zh-hans": "插画：一排并肩而立的人",
        "ja": "人々が肩を並べて立つイラスト",
        "ko": "사람들이 나란히 서 있는 일러스트",
    },
    "Illustration of a row of stylised people standing together in blue": {
        "zh-hans": "插画：一排站在一起的简笔人物，蓝色调",
        "ja": "図案化された人々が並んで立つイラスト（青系）",
        "ko": "단순화한 사람들이 함께 늘어선 일러스트(파란색 계열)",
    },
    "Illustration of a row of stylised people standing together in teal": {
        "zh-hans": "插画：一排站在一起的简笔人物，青绿色调",
        "ja": "図案化された人々が並んで立つイラスト（青緑系）",
        "ko": "단순화한 사람들이 함께 늘어선 일러스트(청록색 계열)",
    },
    "Illustration of a row of stylised people standing together in warm amber": {
        "zh-hans": "插画：一排站在一起的简笔人物，暖琥珀色调",
        "ja": "図案化された人々が並んで立つイラスト（温かみのある琥珀色）",
        "ko": "단순화한 사람들이 함께 늘어선 일러스트(따뜻한 호박색 계열)",
    },
    "Illustration of a row of stylised people standing together in green": {
        "zh-hans": "插画：一排站在一起的简笔人物，绿色调",
        "ja": "図案化された人々が並んで立つイラスト（緑系）",
        "ko": "단순화한 사람들이 함께 늘어선 일러스트(초록색 계열)",
    },
    "Illustration of a row of stylised people standing together in deep red": {
        "zh-hans": "插画：一排站在一起的简笔人物，深红色调",
        "ja": "図案化された人々が並んで立つイラスト（深紅）",
        "ko": "단순화한 사람들이 함께 늘어선 일러스트(짙은 빨간색 계열)",
    },
    "Illustration of a group of people standing together in front of a building": {
        "zh-hans": "插画：一群人站在一栋建筑前",
        "ja": "建物の前に集まって立つ人々のイラスト",
        "ko": "건물 앞에 함께 서 있는 사람들 일러스트",
    },
    "Illustration of a group of people in front of a teal background": {
        "zh-hans": "插画：青绿色背景前的一群人",
        "ja": "青緑の背景の前に立つ人々のイラスト",
        "ko": "청록색 배경 앞에 선 사람들 일러스트",
    },
    "Illustration of people meeting in front of an amber background": {
        "zh-hans": "插画：琥珀色背景前正在会面的人们",
        "ja": "琥珀色の背景の前で打ち合わせをする人々のイラスト",
        "ko": "호박색 배경 앞에서 만나 이야기하는 사람들 일러스트",
    },
    "Illustration of a crowd of people gathered at an outdoor fair": {
        "zh-hans": "插画：户外庙会上熙熙攘攘的人群",
        "ja": "屋外の縁日に集まった大勢の人々のイラスト",
        "ko": "야외 장터에 모여든 많은 사람들 일러스트",
    },
    "Illustration of a small group of visitors on a guided tour": {
        "zh-hans": "插画：跟随讲解参观的一小队访客",
        "ja": "ガイドの案内で見学する少人数の見学者のイラスト",
        "ko": "안내를 받으며 둘러보는 소규모 방문객 일러스트",
    },
    "Illustration of a stage with a screen and rows of delegates": {
        "zh-hans": "插画：设有大屏幕的舞台和一排排与会代表",
        "ja": "スクリーンのある壇上と、並んで座る代表団のイラスト",
        "ko": "스크린이 있는 무대와 줄지어 앉은 대표단 일러스트",
    },
    "Illustration of people gathered in a courtyard": {
        "zh-hans": "插画：聚集在庭院里的人们",
        "ja": "中庭に集まる人々のイラスト",
        "ko": "안뜰에 모인 사람들 일러스트",
    },
    "Illustration of craftspeople at work in a workshop": {
        "zh-hans": "插画：工坊里正在制作的手艺人",
        "ja": "工房で作業する職人たちのイラスト",
        "ko": "공방에서 일하는 장인들 일러스트",
    },
    "Illustration of nine figures in colourful clothes standing in a row under a banner": {
        "zh-hans": "插画：横幅下站成一排、身着彩衣的九个人",
        "ja": "横断幕の下に、色とりどりの服を着た9人が並んで立つイラスト",
        "ko": "현수막 아래 알록달록한 옷을 입은 아홉 명이 나란히 선 일러스트",
    },
    "Illustration of a row of figures in colourful clothes beneath an orange banner": {
        "zh-hans": "插画：橙色横幅下一排身着彩衣的人",
        "ja": "オレンジ色の横断幕の下に、色とりどりの服を着た人々が並ぶイラスト",
        "ko": "주황색 현수막 아래 알록달록한 옷을 입은 사람들이 늘어선 일러스트",
    },
    "Illustration of a service hall with people queuing at counters": {
        "zh-hans": "插画：服务大厅里人们在窗口前排队办事",
        "ja": "サービスホールで窓口に並ぶ人々のイラスト",
        "ko": "민원 서비스 홀에서 창구 앞에 줄을 선 사람들 일러스트",
    },
    # -- abstract ---------------------------------------------------------------------
    "Abstract illustration in warm red tones": {
        "zh-hans": "暖红色调的抽象插画",
        "ja": "温かみのある赤を基調とした抽象的なイラスト",
        "ko": "따뜻한 빨간색 계열의 추상 일러스트",
    },
    "Abstract illustration in earthy amber tones": {
        "zh-hans": "土黄琥珀色调的抽象插画",
        "ja": "土のような琥珀色を基調とした抽象的なイラスト",
        "ko": "흙빛 호박색 계열의 추상 일러스트",
    },
    # -- company logo placeholders ----------------------------------------------------
    "Placeholder logo for SK hynix: the letters SK in white on a dark red square": {
        "zh-hans": "SK海力士的占位标志：深红色方块上的白色字母 SK",
        "ja": "SKハイニックスの仮ロゴ：濃い赤の正方形に白抜きの文字「SK」",
        "ko": "SK하이닉스 임시 로고: 짙은 빨간색 정사각형 위에 흰색 글자 SK",
    },
    "Placeholder logo for AstraZeneca: the letters AZ in white on a purple square": {
        "zh-hans": "阿斯利康的占位标志：紫色方块上的白色字母 AZ",
        "ja": "アストラゼネカの仮ロゴ：紫の正方形に白抜きの文字「AZ」",
        "ko": "아스트라제네카 임시 로고: 보라색 정사각형 위에 흰색 글자 AZ",
    },
    "Placeholder logo for Murata: the letters M in white on a dark blue square": {
        "zh-hans": "村田的占位标志：深蓝色方块上的白色字母 M",
        "ja": "村田製作所の仮ロゴ：濃紺の正方形に白抜きの文字「M」",
        "ko": "무라타제작소 임시 로고: 짙은 파란색 정사각형 위에 흰색 글자 M",
    },
    "Placeholder logo for Sumitomo Electric: the letters SE in white on a slate grey square": {
        "zh-hans": "住友电工的占位标志：石板灰色方块上的白色字母 SE",
        "ja": "住友電気工業の仮ロゴ：スレートグレーの正方形に白抜きの文字「SE」",
        "ko": "스미토모전기공업 임시 로고: 슬레이트 회색 정사각형 위에 흰색 글자 SE",
    },
    "Placeholder logo for WuXi AppTec: the letters WA in white on a teal square": {
        "zh-hans": "药明康德的占位标志：青绿色方块上的白色字母 WA",
        "ja": "薬明康徳（WuXi AppTec）の仮ロゴ：青緑の正方形に白抜きの文字「WA」",
        "ko": "우시앱텍 임시 로고: 청록색 정사각형 위에 흰색 글자 WA",
    },
    "Placeholder logo for Dizal: the letters DZ in white on a green square": {
        "zh-hans": "迪哲医药的占位标志：绿色方块上的白色字母 DZ",
        "ja": "迪哲医薬（Dizal）の仮ロゴ：緑の正方形に白抜きの文字「DZ」",
        "ko": "디저의약(Dizal) 임시 로고: 초록색 정사각형 위에 흰색 글자 DZ",
    },
    "Placeholder logo for Jemincare: the letters JM in white on a brown square": {
        "zh-hans": "济民可信的占位标志：棕色方块上的白色字母 JM",
        "ja": "済民可信（Jemincare）の仮ロゴ：茶色の正方形に白抜きの文字「JM」",
        "ko": "지민커신(Jemincare) 임시 로고: 갈색 정사각형 위에 흰색 글자 JM",
    },
    "Placeholder logo for CR Micro: the letters CR in white on a dark blue square": {
        "zh-hans": "华润微的占位标志：深蓝色方块上的白色字母 CR",
        "ja": "華潤微電子（CR Micro）の仮ロゴ：濃紺の正方形に白抜きの文字「CR」",
        "ko": "화룬마이크로(CR Micro) 임시 로고: 짙은 파란색 정사각형 위에 흰색 글자 CR",
    },
    "Placeholder logo for Chipown: the letters CP in white on a teal square": {
        "zh-hans": "芯朋微的占位标志：青绿色方块上的白色字母 CP",
        "ja": "芯朋微電子（Chipown）の仮ロゴ：青緑の正方形に白抜きの文字「CP」",
        "ko": "신펑웨이(Chipown) 임시 로고: 청록색 정사각형 위에 흰색 글자 CP",
    },
    "Placeholder logo for NCE Power: the letters NCE in white on a slate grey square": {
        "zh-hans": "新洁能的占位标志：石板灰色方块上的白色字母 NCE",
        "ja": "新潔能（NCE Power）の仮ロゴ：スレートグレーの正方形に白抜きの文字「NCE」",
        "ko": "신제넝(NCE Power) 임시 로고: 슬레이트 회색 정사각형 위에 흰색 글자 NCE",
    },
    "Placeholder logo for Lead Intelligent: the letters LI in white on a green square": {
        "zh-hans": "先导智能的占位标志：绿色方块上的白色字母 LI",
        "ja": "先導智能（Lead Intelligent）の仮ロゴ：緑の正方形に白抜きの文字「LI」",
        "ko": "셴다오지능(Lead Intelligent) 임시 로고: 초록색 정사각형 위에 흰색 글자 LI",
    },
    "Placeholder logo for Gigalane: the letters GL in white on a purple square": {
        "zh-hans": "吉佳蓝的占位标志：紫色方块上的白色字母 GL",
        "ja": "ギガレーンの仮ロゴ：紫の正方形に白抜きの文字「GL」",
        "ko": "기가레인 임시 로고: 보라색 정사각형 위에 흰색 글자 GL",
    },
    "Placeholder logo for Sembcorp: the letters SC in white on a dark red square": {
        "zh-hans": "胜科集团的占位标志：深红色方块上的白色字母 SC",
        "ja": "セムコープの仮ロゴ：濃い赤の正方形に白抜きの文字「SC」",
        "ko": "셈코프 임시 로고: 짙은 빨간색 정사각형 위에 흰색 글자 SC",
    },
    "Placeholder logo for JD: the letters JD in white on a dark red square": {
        "zh-hans": "京东的占位标志：深红色方块上的白色字母 JD",
        "ja": "京東（JD）の仮ロゴ：濃い赤の正方形に白抜きの文字「JD」",
        "ko": "징둥(JD) 임시 로고: 짙은 빨간색 정사각형 위에 흰색 글자 JD",
    },
}


def translate_image_alt_texts(stdout=None) -> int:
    """Give the demo images their zh-hans, ja and ko alt text; return how many changed.

    Only languages an image lacks are filled in: alt texts already there (perhaps
    edited by hand) are kept, so `load_demo` stays idempotent.
    """
    from zoneportal.core.models import SiteImage

    changed = 0
    for image in SiteImage.objects.filter(description__in=list(ALT_TEXTS)):
        current = image.alt_texts if isinstance(image.alt_texts, dict) else {}
        missing = {
            code: text
            for code, text in ALT_TEXTS[image.description].items()
            if not current.get(code)
        }
        if missing:
            image.alt_texts = {**current, **missing}
            image.save(update_fields=["alt_texts"])
            changed += 1
    if stdout is not None and changed:
        stdout.write(f"  translated the alt text of {changed} images")
    return changed
