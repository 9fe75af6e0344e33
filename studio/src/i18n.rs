//! The studio's own interface texts, in the four languages of the organisation whose FAQ the
//! demo ships (issue 23): English, French, Spanish and Arabic (right to left).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Fr,
    Es,
    Ar,
}

impl Lang {
    /// Every language, in the order of [`TEXTS`]' columns.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Fr, Lang::Es, Lang::Ar];

    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Ar => "ar",
        }
    }

    /// The language's name in itself, as the switch shows it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Es => "Español",
            Lang::Ar => "العربية",
        }
    }

    pub fn dir(self) -> &'static str {
        if self == Lang::Ar {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// A stored or browser language tag by its primary subtag (`fr-CA` is French, `frisian`
    /// is not); English for any other.
    pub fn from_tag(tag: &str) -> Lang {
        let tag = tag.trim().to_ascii_lowercase();
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        Lang::ALL
            .into_iter()
            .find(|lang| lang.tag() == primary)
            .unwrap_or(Lang::En)
    }

    /// The text for `key`; "?" if it is missing (a test checks none is).
    pub fn t(self, key: &str) -> &'static str {
        TEXTS
            .iter()
            .find(|(k, _)| *k == key)
            .map_or("?", |(_, texts)| texts[self as usize])
    }
}

/// (key, [English, French, Spanish, Arabic]).
pub const TEXTS: &[(&str, [&str; 4])] = &[
    ("page_title", ["faq-widget studio", "Atelier faq-widget", "Estudio faq-widget", "استوديو faq-widget"]),
    ("intro", ["Edit your faq.json, see every problem the checker finds and the real widget live, then copy the embed snippet.", "Modifiez votre faq.json, voyez chaque problème trouvé par le vérificateur et le vrai widget en direct, puis copiez le code d’intégration.", "Edite su faq.json, vea cada problema que encuentra el verificador y el widget real en directo, y copie después el código de inserción.", "حرّر ملف faq.json، وشاهد كل مشكلة يجدها المدقق والأداة الحقيقية مباشرة، ثم انسخ شيفرة التضمين."]),
    ("languages", ["Interface language", "Langue de l’interface", "Idioma de la interfaz", "لغة الواجهة"]),
    ("open", ["Open a FAQ", "Ouvrir une FAQ", "Abrir unas preguntas frecuentes", "فتح أسئلة متكررة"]),
    ("open_bundled", ["Open the bundled FAQ", "Ouvrir la FAQ fournie", "Abrir las preguntas incluidas", "فتح الأسئلة المرفقة"]),
    ("open_empty", ["Start from an empty FAQ", "Partir d’une FAQ vide", "Empezar con unas preguntas vacías", "البدء بأسئلة فارغة"]),
    ("open_file", ["Open a file", "Ouvrir un fichier", "Abrir un archivo", "فتح ملف"]),
    ("drop_hint", ["or drop a .json file anywhere on this page.", "ou déposez un fichier .json n’importe où sur cette page.", "o suelte un archivo .json en cualquier lugar de esta página.", "أو أفلت ملف .json في أي مكان من هذه الصفحة."]),
    ("open_url_label", ["FAQ address (URL)", "Adresse de la FAQ (URL)", "Dirección de las preguntas (URL)", "عنوان الأسئلة (URL)"]),
    ("open_url", ["Open URL", "Ouvrir l’URL", "Abrir la URL", "فتح العنوان"]),
    ("opened", ["Opened", "Ouvert :", "Abierto:", "تم الفتح:"]),
    ("loading", ["Loading…", "Chargement…", "Cargando…", "جارٍ التحميل…"]),
    ("cors", ["could not be read. Its server does not allow this page to read it (CORS), or it is unreachable. Download the file and open it from disk instead.", "n’a pas pu être lue. Son serveur n’autorise pas cette page à la lire (CORS), ou il est injoignable. Téléchargez le fichier et ouvrez-le depuis le disque.", "no se pudo leer. Su servidor no permite que esta página la lea (CORS), o no está disponible. Descargue el archivo y ábralo desde el disco.", "تعذرت قراءته. خادمه لا يسمح لهذه الصفحة بقراءته (CORS)، أو لا يمكن الوصول إليه. نزّل الملف وافتحه من القرص."]),
    ("http_error", ["could not be read: the server answered", "n’a pas pu être lue : le serveur a répondu", "no se pudo leer: el servidor respondió", "تعذرت قراءته: أجاب الخادم"]),
    ("file_error", ["The file could not be read.", "Le fichier n’a pas pu être lu.", "No se pudo leer el archivo.", "تعذرت قراءة الملف."]),
    ("draft_saved", ["Your draft is kept in this browser (localStorage) between visits. It is not sent anywhere.", "Votre brouillon est conservé dans ce navigateur (localStorage) d’une visite à l’autre. Il n’est envoyé nulle part.", "Su borrador se guarda en este navegador (localStorage) entre visitas. No se envía a ningún sitio.", "تُحفظ مسودتك في هذا المتصفح (localStorage) بين الزيارات. ولا تُرسل إلى أي مكان."]),
    ("draft_not_saved", ["Edits are kept in this browser (localStorage) between visits. Nothing is sent anywhere.", "Les modifications sont conservées dans ce navigateur (localStorage) d’une visite à l’autre. Rien n’est envoyé.", "Los cambios se guardan en este navegador (localStorage) entre visitas. No se envía nada.", "تُحفظ التعديلات في هذا المتصفح (localStorage) بين الزيارات. ولا يُرسل شيء إلى أي مكان."]),
    ("draft_too_big", ["This draft is too large for the browser's storage: download it to keep it.", "Ce brouillon est trop grand pour le stockage du navigateur : téléchargez-le pour le garder.", "Este borrador es demasiado grande para el almacenamiento del navegador: descárguelo para conservarlo.", "هذه المسودة أكبر من مساحة تخزين المتصفح: نزّلها للاحتفاظ بها."]),
    ("discard", ["Discard draft", "Supprimer le brouillon", "Descartar el borrador", "تجاهل المسودة"]),
    ("discarded", ["The draft was discarded.", "Le brouillon a été supprimé.", "Se descartó el borrador.", "تم تجاهل المسودة."]),
    ("download", ["Download", "Télécharger", "Descargar", "تنزيل"]),
    ("set_title", ["Languages of this FAQ", "Langues de cette FAQ", "Idiomas de estas preguntas", "لغات هذه الأسئلة"]),
    ("set_one", ["One file. A FAQ in several languages is one file per language with the same question ids: add its translations to edit them and check them together.", "Un seul fichier. Une FAQ en plusieurs langues, c’est un fichier par langue avec les mêmes identifiants de questions : ajoutez ses traductions pour les modifier et les vérifier ensemble.", "Un solo archivo. Unas preguntas en varios idiomas son un archivo por idioma con los mismos identificadores de preguntas: añada sus traducciones para editarlas y comprobarlas juntas.", "ملف واحد. الأسئلة بعدة لغات هي ملف لكل لغة بمعرّفات الأسئلة نفسها: أضف ترجماتها لتحريرها وتدقيقها معًا."]),
    ("set_files", ["Files (the first is the reference)", "Fichiers (le premier fait référence)", "Archivos (el primero es la referencia)", "الملفات (الأول هو المرجع)"]),
    ("set_add", ["Add translations (files)", "Ajouter des traductions (fichiers)", "Añadir traducciones (archivos)", "إضافة ترجمات (ملفات)"]),
    ("set_bundled", ["Open all four languages of the bundled FAQ", "Ouvrir les quatre langues de la FAQ fournie", "Abrir los cuatro idiomas de las preguntas incluidas", "فتح اللغات الأربع للأسئلة المرفقة"]),
    ("set_remove", ["Remove this file from the set", "Retirer ce fichier de l’ensemble", "Quitar este archivo del conjunto", "إزالة هذا الملف من المجموعة"]),
    ("set_no_lang", ["no language", "sans langue", "sin idioma", "بلا لغة"]),
    ("set_problems", ["Across the languages", "Entre les langues", "Entre los idiomas", "بين اللغات"]),
    ("set_agree", ["This file agrees with the others: the same question ids, a language of its own.", "Ce fichier concorde avec les autres : les mêmes identifiants de questions, une langue qui lui est propre.", "Este archivo coincide con los demás: los mismos identificadores de preguntas, un idioma propio.", "هذا الملف متوافق مع الملفات الأخرى: معرّفات الأسئلة نفسها ولغة خاصة به."]),
    ("set_names", ["Name each file after its language the same way (faq.en.json, faq.fr.json …): the embed snippet then loads each language from its file.", "Nommez chaque fichier d’après sa langue, de la même façon (faq.en.json, faq.fr.json …) : le code d’intégration charge alors chaque langue depuis son fichier.", "Nombre cada archivo según su idioma, del mismo modo (faq.en.json, faq.fr.json …): el código de inserción carga entonces cada idioma desde su archivo.", "سمِّ كل ملف باسم لغته بالطريقة نفسها (faq.en.json، faq.fr.json …): عندها تحمّل شيفرة التضمين كل لغة من ملفها."]),
    ("text", ["Text", "Texte", "Texto", "النص"]),
    ("text_label", ["faq.json as text", "faq.json en texte", "faq.json como texto", "faq.json نصًّا"]),
    ("line", ["Line", "Ligne", "Línea", "السطر"]),
    ("column", ["column", "colonne", "columna", "العمود"]),
    ("cursor", ["Cursor: line", "Curseur : ligne", "Cursor: línea", "المؤشر: السطر"]),
    ("window_lines", ["This file is long: the text box holds lines", "Ce fichier est long : la zone de texte contient les lignes", "Este archivo es largo: el cuadro de texto contiene las líneas", "هذا الملف طويل: يعرض مربع النص الأسطر"]),
    ("window_of", ["of", "sur", "de", "من"]),
    ("window_rest", [", and moves with the cursor and scrolling.", ", et se déplace avec le curseur et le défilement.", ", y sigue al cursor y al desplazamiento.", "، ويتبع المؤشر والتمرير."]),
    ("form", ["Form", "Formulaire", "Formulario", "النموذج"]),
    ("form_broken", ["The text is not valid JSON: fix it (see Problems) to edit in the form again.", "Le texte n’est pas du JSON valide : corrigez-le (voir Problèmes) pour modifier de nouveau dans le formulaire.", "El texto no es JSON válido: corríjalo (vea Problemas) para volver a editar en el formulario.", "النص ليس JSON صالحًا: أصلحه (انظر المشكلات) لتعود إلى التحرير في النموذج."]),
    ("f_title", ["Title", "Titre", "Título", "العنوان"]),
    ("f_lang", ["Language (BCP 47, e.g. en, fr-CA)", "Langue (BCP 47, p. ex. en, fr-CA)", "Idioma (BCP 47, p. ej. en, fr-CA)", "اللغة (BCP 47، مثل en أو fr-CA)"]),
    ("lang_not_built_in", ["The widget's own texts (search, buttons, messages) exist in English and French. For another language, write them under “Interface texts” below; the rest shows in English.", "Les textes du widget (recherche, boutons, messages) existent en anglais et en français. Pour une autre langue, écrivez-les sous « Textes de l’interface » ci-dessous ; le reste s’affiche en anglais.", "Los textos propios del widget (búsqueda, botones, mensajes) existen en inglés y en francés. Para otro idioma, escríbalos en «Textos de la interfaz» más abajo; el resto se muestra en inglés.", "نصوص الأداة نفسها (البحث والأزرار والرسائل) موجودة بالإنجليزية والفرنسية. للغة أخرى، اكتبها تحت «نصوص الواجهة» أدناه؛ ويظهر الباقي بالإنجليزية."]),
    ("f_intro", ["Introduction", "Introduction", "Introducción", "المقدمة"]),
    ("f_contact_text", ["Contact link text", "Texte du lien de contact", "Texto del enlace de contacto", "نص رابط التواصل"]),
    ("f_contact_href", ["Contact address (https: or mailto:)", "Adresse de contact (https: ou mailto:)", "Dirección de contacto (https: o mailto:)", "عنوان التواصل (https: أو mailto:)"]),
    ("f_cookie", ["Show a cookie notice", "Afficher un avis sur les cookies", "Mostrar un aviso de cookies", "إظهار إشعار ملفات تعريف الارتباط"]),
    ("f_cookie_text", ["Cookie notice text", "Texte de l’avis sur les cookies", "Texto del aviso de cookies", "نص إشعار ملفات تعريف الارتباط"]),
    ("f_cookie_more_text", ["Cookie notice “more” link text", "Texte du lien « en savoir plus » de l’avis", "Texto del enlace «más» del aviso de cookies", "نص رابط «المزيد» في إشعار ملفات تعريف الارتباط"]),
    ("f_cookie_more_href", ["Cookie notice “more” link address", "Adresse du lien « en savoir plus » de l’avis", "Dirección del enlace «más» del aviso de cookies", "عنوان رابط «المزيد» في إشعار ملفات تعريف الارتباط"]),
    ("f_cookie_revision", ["Cookie notice revision (raise it to ask again)", "Révision de l’avis (augmentez-la pour redemander)", "Revisión del aviso de cookies (auméntela para volver a preguntar)", "مراجعة إشعار ملفات تعريف الارتباط (ارفعها لإعادة السؤال)"]),
    ("questions", ["Questions", "Questions", "Preguntas", "الأسئلة"]),
    ("f_question", ["Question", "Question", "Pregunta", "السؤال"]),
    ("f_answer", ["Answer", "Réponse", "Respuesta", "الإجابة"]),
    ("f_id", ["Id", "Identifiant", "Id", "المعرّف"]),
    ("f_category", ["Category", "Catégorie", "Categoría", "الفئة"]),
    ("markup_help", ["Answer markup: a blank line starts a paragraph; lines starting with “- ” form a list; [text](https://…) is a link. Nothing else is markup.", "Balisage des réponses : une ligne vide commence un paragraphe ; les lignes commençant par « - » forment une liste ; [texte](https://…) est un lien. Rien d’autre n’est du balisage.", "Marcado de las respuestas: una línea en blanco empieza un párrafo; las líneas que empiezan por «- » forman una lista; [texto](https://…) es un enlace. Nada más es marcado.", "ترميز الإجابات: سطر فارغ يبدأ فقرة؛ والأسطر التي تبدأ بـ«- » تكوّن قائمة؛ و[نص](https://…) رابط. ولا شيء غير ذلك ترميز."]),
    ("drag_hint", ["Reorder them with “Move up” and “Move down”, or drag a question by its title.", "Réordonnez-les avec « Monter » et « Descendre », ou faites glisser une question par son titre.", "Reordénelas con «Subir» y «Bajar», o arrastre una pregunta por su título.", "أعد ترتيبها بـ«تحريك لأعلى» و«تحريك لأسفل»، أو اسحب سؤالًا من عنوانه."]),
    ("move_up", ["Move up", "Monter", "Subir", "تحريك لأعلى"]),
    ("move_down", ["Move down", "Descendre", "Bajar", "تحريك لأسفل"]),
    ("remove", ["Remove", "Supprimer", "Quitar", "إزالة"]),
    ("add_question", ["Add a question", "Ajouter une question", "Añadir una pregunta", "إضافة سؤال"]),
    ("ui_texts", ["Interface texts (ui)", "Textes de l’interface (ui)", "Textos de la interfaz (ui)", "نصوص الواجهة (ui)"]),
    ("ui_help", ["Replace any of the widget's own texts. Empty: the built-in text, shown greyed, in the FAQ's language. {count}, {query}, {seconds}, {status}, {line}, {column} and {message} are filled in by the widget.", "Remplacez n’importe quel texte du widget. Vide : le texte intégré, affiché en grisé, dans la langue de la FAQ. {count}, {query}, {seconds}, {status}, {line}, {column} et {message} sont remplis par le widget.", "Sustituya cualquiera de los textos propios del widget. Vacío: el texto incorporado, en gris, en el idioma de las preguntas. {count}, {query}, {seconds}, {status}, {line}, {column} y {message} los rellena el widget.", "استبدل أيًّا من نصوص الأداة نفسها. فارغ: النص المدمج، باللون الرمادي، بلغة الأسئلة. تملأ الأداة {count} و{query} و{seconds} و{status} و{line} و{column} و{message}."]),
    ("ui_unknown", ["not a text of the widget: it is ignored", "pas un texte du widget : il est ignoré", "no es un texto del widget: se ignora", "ليس من نصوص الأداة: يُتجاهل"]),
    ("form_limit", ["The form shows the first 100 questions; edit the others in the text.", "Le formulaire montre les 100 premières questions ; modifiez les autres dans le texte.", "El formulario muestra las 100 primeras preguntas; edite las demás en el texto.", "يعرض النموذج أول 100 سؤال؛ حرّر البقية في النص."]),
    ("problems", ["Problems", "Problèmes", "Problemas", "المشكلات"]),
    ("no_problems", ["No problems: the checker (faq-widget check) is happy.", "Aucun problème : le vérificateur (faq-widget check) est satisfait.", "Ningún problema: el verificador (faq-widget check) está conforme.", "لا مشكلات: المدقق (faq-widget check) راضٍ."]),
    ("problem_count", ["problems found. Choose one to move the cursor there.", "problèmes trouvés. Choisissez-en un pour y placer le curseur.", "problemas encontrados. Elija uno para llevar el cursor allí.", "مشكلة وُجدت. اختر واحدة لنقل المؤشر إليها."]),
    ("problem_more", ["more problems are not listed; fix these first.", "autres problèmes ne sont pas listés ; corrigez d’abord ceux-ci.", "problemas más no se muestran; corrija primero estos.", "مشكلة أخرى غير معروضة؛ أصلح هذه أولًا."]),
    ("fatal", ["Blocking error", "Erreur bloquante", "Error bloqueante", "خطأ مانع"]),
    ("error", ["Error", "Erreur", "Error", "خطأ"]),
    ("warning", ["Warning", "Avertissement", "Aviso", "تحذير"]),
    ("preview", ["Preview", "Aperçu", "Vista previa", "المعاينة"]),
    ("preview_stale", ["The text has a problem that stops the FAQ from being shown: the preview shows the last valid version.", "Le texte a un problème qui empêche d’afficher la FAQ : l’aperçu montre la dernière version valide.", "El texto tiene un problema que impide mostrar las preguntas: la vista previa muestra la última versión válida.", "في النص مشكلة تمنع عرض الأسئلة: تعرض المعاينة آخر نسخة صالحة."]),
    ("preview_none", ["Nothing to preview yet: the FAQ has a blocking error.", "Rien à afficher pour l’instant : la FAQ a une erreur bloquante.", "Todavía no hay nada que mostrar: las preguntas tienen un error bloqueante.", "لا شيء لمعاينته بعد: في الأسئلة خطأ مانع."]),
    ("width", ["Width", "Largeur", "Anchura", "العرض"]),
    ("width_full", ["Full width", "Pleine largeur", "Anchura completa", "العرض الكامل"]),
    ("scheme", ["Colours", "Couleurs", "Colores", "الألوان"]),
    ("light", ["Light", "Clair", "Claro", "فاتح"]),
    ("dark", ["Dark", "Sombre", "Oscuro", "داكن"]),
    ("preview_lang", ["Language of the widget", "Langue du widget", "Idioma del widget", "لغة الأداة"]),
    ("theme", ["Theme", "Thème", "Tema", "السمة"]),
    ("theme_intro", ["Colours for the widget's custom properties. Unchanged ones keep the widget's defaults (light and dark).", "Couleurs des propriétés personnalisées du widget. Celles qui ne sont pas changées gardent les valeurs par défaut (clair et sombre).", "Colores de las propiedades personalizadas del widget. Las que no se cambian conservan los valores del widget (claro y oscuro).", "ألوان الخصائص المخصصة للأداة. ما لم يتغير يحتفظ بقيم الأداة الافتراضية (الفاتحة والداكنة)."]),
    ("theme_reset", ["Reset the theme", "Réinitialiser le thème", "Restablecer el tema", "إعادة تعيين السمة"]),
    ("contrast", ["Contrast", "Contraste", "Contraste", "التباين"]),
    ("on", ["on", "sur", "sobre", "على"]),
    ("contrast_poor", ["below 4.5:1, hard to read", "sous 4,5:1, difficile à lire", "por debajo de 4,5:1, difícil de leer", "أقل من 4.5:1، صعب القراءة"]),
    ("contrast_ok", ["passes WCAG AA", "conforme WCAG AA", "cumple WCAG AA", "يستوفي WCAG AA"]),
    ("embed", ["Embed snippet", "Code d’intégration", "Código de inserción", "شيفرة التضمين"]),
    ("embed_intro", ["Paste this where the FAQ should appear on your site.", "Collez ceci à l’endroit où la FAQ doit apparaître sur votre site.", "Pegue esto donde deban aparecer las preguntas en su sitio.", "الصق هذا حيث يجب أن تظهر الأسئلة في موقعك."]),
    ("script_src", ["Address of embed.js", "Adresse de embed.js", "Dirección de embed.js", "عنوان embed.js"]),
    ("integrity", ["Integrity digest of that embed.js (empty: none)", "Empreinte d’intégrité de ce embed.js (vide : aucune)", "Huella de integridad de ese embed.js (vacío: ninguna)", "بصمة سلامة ملف embed.js هذا (فارغ: لا شيء)"]),
    ("faq_url", ["Address of your faq.json (empty: the one beside embed.js)", "Adresse de votre faq.json (vide : celui à côté de embed.js)", "Dirección de su faq.json (vacío: el que está junto a embed.js)", "عنوان ملف faq.json الخاص بك (فارغ: الملف المجاور لـembed.js)"]),
    ("cookie_option", ["Show the FAQ's cookie notice", "Afficher l’avis sur les cookies de la FAQ", "Mostrar el aviso de cookies de las preguntas", "إظهار إشعار ملفات تعريف الارتباط الخاص بالأسئلة"]),
    ("offline_option", ["Keep the offline copy without asking (essential storage)", "Garder la copie hors ligne sans demander (stockage essentiel)", "Guardar la copia sin conexión sin preguntar (almacenamiento esencial)", "الاحتفاظ بالنسخة المتاحة دون اتصال دون سؤال (تخزين أساسي)"]),
    ("copy", ["Copy the snippet", "Copier le code", "Copiar el código", "نسخ الشيفرة"]),
    ("copied", ["Copied.", "Copié.", "Copiado.", "تم النسخ."]),
    ("copy_failed", ["Copying failed: select the text and copy it.", "La copie a échoué : sélectionnez le texte et copiez-le.", "No se pudo copiar: seleccione el texto y cópielo.", "تعذر النسخ: حدّد النص وانسخه."]),
    ("snippet_label", ["The snippet", "Le code", "El código", "الشيفرة"]),
    ("render", ["Pre-rendered HTML (for search engines and visitors without scripts)", "HTML pré-rendu (pour les moteurs de recherche et les visiteurs sans scripts)", "HTML prerrenderizado (para los motores de búsqueda y los visitantes sin scripts)", "HTML معروض مسبقًا (لمحركات البحث والزوار دون سكربتات)"]),
    ("render_label", ["The faq-widget render command", "La commande faq-widget render", "La orden faq-widget render", "أمر faq-widget render"]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_in_every_language_and_keys_unique() {
        for (i, (key, texts)) in TEXTS.iter().enumerate() {
            assert!(texts.iter().all(|t| !t.is_empty()), "{key}");
            assert!(TEXTS[..i].iter().all(|(k, _)| k != key), "duplicate {key}");
            // The placeholders the widget fills in stay as they are in every language.
            let holes = |t: &str| t.matches('{').count();
            assert!(texts.iter().all(|t| holes(t) == holes(texts[0])), "{key}");
        }
        assert_eq!(Lang::Fr.t("discard"), "Supprimer le brouillon");
        assert_eq!(Lang::Es.t("discard"), "Descartar el borrador");
        assert_eq!(Lang::Ar.t("discard"), "تجاهل المسودة");
        assert_eq!(Lang::En.t("nope"), "?");
    }

    #[test]
    fn tags_names_and_directions() {
        assert_eq!(Lang::from_tag("fr-CA"), Lang::Fr);
        assert_eq!(Lang::from_tag("FR"), Lang::Fr);
        assert_eq!(Lang::from_tag("es-419"), Lang::Es);
        assert_eq!(Lang::from_tag("ar-EG"), Lang::Ar);
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag("frisian"), Lang::En);
        assert_eq!(Lang::from_tag("de"), Lang::En);
        assert_eq!(Lang::Ar.dir(), "rtl");
        assert_eq!(Lang::Es.dir(), "ltr");
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), lang);
        }
    }
}
