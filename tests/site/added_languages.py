"""The example with Arabic (right to left, six plural forms) and Ukrainian (one/few/many)
added as README's "Adding a language" says: an entry in mkdocs.yml's i18n languages, the
catalogue the program ships (`locales/ar.yml`, `locales/uk.yml`), and a few texts: one
testimony in each, the Arabic home page and edition 118's masthead. Everything else shows
its Dutch text with the "not translated" note. The texts are fictional, written for the test.
"""

from __future__ import annotations

from pathlib import Path

from tests.bad_input.cases import edit

LANGUAGES = """\
        - locale: ar
          name: العربية
          build: true
          site_name: Ankerpunt
          site_description: شهادات ونشرة إخبارية وتقارير Ankerpunt
        - locale: uk
          name: Українська
          build: true
          site_name: Ankerpunt
          site_description: Свідчення, бюлетень і звіти Ankerpunt
"""

FARID_MARIAM_AR = """\
---
title: "«كل صباح أنظر أولًا في صندوق البريد. بعدها فقط أُعِدّ الشاي.»"
family: أب وابنته، في عائلة من أربعة أفراد
lead: >-
  جاء فريد وابنته مريم من أفغانستان إلى بلجيكا عام 2021. رُفض طلب لجوئهم، ومنذ سنتين
  تنتظر العائلة ردًّا على طلب التسوية الإنسانية. حول طاولة المطبخ يحكيان بالتناوب
  كيف يعيش المرء حياةً متوقفة.
portrait_alt: رسم لظلَّي رجل وفتاة أمام نافذة، في سماء مسائية وردية وبرتقالية.
portrait_caption: فريد ومريم عند نافذة شقتهما.
---
كان فريد (47 عامًا) محاسبًا في هرات. وكانت مريم في الثانية عشرة حين وصلت إلى بلجيكا
مع والديها وأخيها الأصغر أوميد. تدرس اليوم في السنة الخامسة الثانوية، شعبة العلوم.
ترافقهم Ankerpunt منذ رُفض طلب اللجوء.

## انتظار رسالة

**فريد:** كل صباح أنظر أولًا في صندوق البريد. بعدها فقط أُعِدّ الشاي. تضحك زوجتي من
ذلك، لكني لا أستطيع غير ذلك. منذ قدّمنا طلب التسوية عام 2023، قد تكون كل رسالة هي
الرسالة.

**مريم:** لم أعد أنظر. حقًّا. إن وصل شيء، أعرفه من طريقة صعود أبي على الدرج.

**فريد:** معها حق، أصعد حينها أسرع. (يضحك)

## لغة جديدة، مرتين

**فريد:** في هرات كنت أعمل بالأرقام. هنا كان عليّ أن أتعلم الكلام من جديد. أتابع
دروس الهولندية ثلاثة صباحات في الأسبوع، وأتطوع في بقالة اجتماعية.

**مريم:** أترجم الآن لوالديّ: عند الطبيب، في المدرسة، عند المحامي. أحيانًا يثقل
ذلك عليّ. عمري ستة عشر عامًا.

> كبرتُ هنا. أصدقائي ومدرستي وأحلامي: كلها هنا.
> — مريم
"""

ESTHER_UK = """\
---
title: "«У центрі я не рахувала днів. Я рахувала літаки.»"
family: мати сина, який живе в Кіншасі
lead: >-
  Естер приїхала з Кіншаси до Бельгії 2018 року на навчання. Торік її затримали під
  час перевірки документів і на п'ятдесят два дні замкнули в закритому центрі 127bis,
  поруч з аеропортом.
portrait_alt: Намальований силует жінки, яка дивиться у вікно в ранковому світлі.
portrait_caption: Естер не хоче, щоб її впізнали. Цей малюнок стоїть замість неї.
---
Я приїхала до Бельгії 2018 року зі стипендією на магістратуру з громадського здоров'я.
Коли стипендія скінчилася, я більше не могла платити за навчання. "Немає запису, немає
картки", сказали мені.

У центрі я не рахувала днів. Я рахувала літаки: кожні кілька хвилин один, так низько,
що дрижали шибки.

> Одного дня хтось спитав, як справи в мене. Не в моєї справи. У мене.
> — Естер
"""

HOME_AR = """\
---
template: home.html
title: Ankerpunt
---
مرحبًا بكم في Ankerpunt. نرافق أشخاصًا فرّوا من الحرب أو الاضطهاد أو الفقر ويبحثون في
بلجيكا عن بداية جديدة: عائلات بلا أوراق إقامة، وأشخاصًا محتجزين في مراكز مغلقة، وأشخاصًا
ينتظرون قرارًا منذ سنوات.

تقرأ في هذا الموقع [شهادات](stories/index.md) من نرافقهم، بكلماتهم هم.
"""

EDITION_AR = """\
---
season: خريف 2025
theme: الانتظار الطويل
cover_alt: رسم لأفق مدينة عند الغروب، بسماء بنفسجية ونوافذ مضاءة.
cover_caption: عند الغروب تُضاء الأنوار. خلف نوافذ كثيرة ينتظر أحدٌ رسالة.
---
انتظار قرار، أو رسالة، أو حكم من غرفة المشورة: في هذا العدد يحكي فريد ومريم وإستير
كيف يملؤون هذا الانتظار، وكيف يصمدون.
"""


def add_arabic_and_ukrainian(project: Path) -> None:
    """Arabic and Ukrainian in `project`, a copy of the example."""
    edit("mkdocs.yml", "  - jrs\n", LANGUAGES + "  - jrs\n")(project)
    texts = {
        "stories/farid-mariam/ar.md": FARID_MARIAM_AR,
        "stories/esther/uk.md": ESTHER_UK,
        "docs/ar/index.md": HOME_AR,
        "editions/118/ar.md": EDITION_AR,
    }
    for path, text in texts.items():
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_text(text, "utf-8")
