<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ActionsPart</name>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>Ouvrir des images</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>Co&amp;ller</translation>
    </message>
    <message>
        <source>Recognise the image or files on the clipboard</source>
        <translation>Reconnaître l’image ou les fichiers du presse-papiers</translation>
    </message>
    <message>
        <source>&amp;Capture region</source>
        <translation>&amp;Capturer une zone</translation>
    </message>
    <message>
        <source>Capture a screen region and recognise it</source>
        <translation>Capturer une zone de l’écran et la reconnaître</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>Save this result as txt, hOCR, JSON or TSV</source>
        <translation>Enregistrer ce résultat en txt, hOCR, JSON ou TSV</translation>
    </message>
    <message>
        <source>Export &amp;selected…</source>
        <translation>Exporter la &amp;sélection…</translation>
    </message>
    <message>
        <source>Export the selected jobs into a folder</source>
        <translation>Exporter les tâches sélectionnées dans un dossier</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Relancer</translation>
    </message>
    <message>
        <source>Run the selected jobs again</source>
        <translation>Relancer les tâches sélectionnées</translation>
    </message>
    <message>
        <source>C&amp;ancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Cancel the selected jobs</source>
        <translation>Annuler les tâches sélectionnées</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Delete the selected jobs and their files</source>
        <translation>Supprimer les tâches sélectionnées et leurs fichiers</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Para&amp;mètres…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>Rec&amp;hercher</translation>
    </message>
    <message>
        <source>Search the stored text</source>
        <translation>Rechercher dans le texte enregistré</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>&amp;Tâches</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>&amp;About ImageHQ OCR</source>
        <translation>À &amp;propos d’ImageHQ OCR</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <source>Search text and file names…</source>
        <translation>Rechercher dans le texte et les noms de fichiers…</translation>
    </message>
    <message>
        <source>Search jobs</source>
        <translation>Rechercher des tâches</translation>
    </message>
</context>
<context>
    <name>CaptureController</name>
    <message>
        <source>%1: copied</source>
        <extracomment>An extract request carries the image (base64): this much at most.</extracomment>
        <translation>%1 : copié</translation>
    </message>
    <message>
        <source>No text found in the selected region</source>
        <translation>Aucun texte trouvé dans la zone sélectionnée</translation>
    </message>
    <message>
        <source>%1: capture failed</source>
        <translation>%1 : la capture a échoué</translation>
    </message>
</context>
<context>
    <name>CaptureOverlay</name>
    <message>
        <source>keep the lines</source>
        <extracomment>how this capture&apos;s text goes on the clipboard; Tab switches it (the &quot;Captured text&quot; setting is where it starts)</extracomment>
        <translation>garder les lignes</translation>
    </message>
    <message>
        <source>join lines into paragraphs</source>
        <translation>joindre les lignes en paragraphes</translation>
    </message>
    <message>
        <source>all on one line</source>
        <translation>tout sur une ligne</translation>
    </message>
</context>
<context>
    <name>DesktopIntegration</name>
    <message>
        <source>%1: hotkey not available</source>
        <extracomment>``--background`` at log-in: how long to wait for a tray that starts with the session, and how often to look, before the window shows instead.</extracomment>
        <translation>%1 : raccourci indisponible</translation>
    </message>
    <message>
        <source>%1: copied</source>
        <translation>%1 : copié</translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <source>Drop zone</source>
        <translation>Zone de dépôt</translation>
    </message>
    <message>
        <source>Drop images here, paste with Ctrl+V, or capture a screen region</source>
        <translation>Déposez des images ici, collez avec Ctrl+V ou capturez une zone de l’écran</translation>
    </message>
    <message>
        <source>PNG, JPEG, WebP, TIFF, BMP, GIF and PDF · several files or whole folders at once · text stays on this computer</source>
        <translation>PNG, JPEG, WebP, TIFF, BMP, GIF et PDF · plusieurs fichiers ou dossiers entiers à la fois · le texte reste sur cet ordinateur</translation>
    </message>
    <message>
        <source>Open images…</source>
        <translation>Ouvrir des images…</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Coller</translation>
    </message>
    <message>
        <source>Capture region</source>
        <translation>Capturer une zone</translation>
    </message>
</context>
<context>
    <name>EditKeeper</name>
    <message>
        <source>Cannot keep the edited text: %s</source>
        <translation>Impossible de conserver le texte modifié : %s</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>Automatic engine</source>
        <extracomment>Where a hint may be cut: between its parts (&quot;Drag to select words · wheel to zoom · …&quot;).</extracomment>
        <translation>Moteur automatique</translation>
    </message>
    <message>
        <source>Tesseract (screens, documents)</source>
        <translation>Tesseract (écrans, documents)</translation>
    </message>
    <message>
        <source>PP-OCR (photos, receipts, labels)</source>
        <translation>PP-OCR (photos, tickets, étiquettes)</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>canceled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>%1: %2, nothing to export</source>
        <translation>%1 : %2, rien à exporter</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>Export %n job(s)</source>
        <translation>
            <numerusform>Exporter %n tâche</numerusform>
            <numerusform>Exporter %n tâches</numerusform>
        </translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format :</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation>D&amp;ossier :</translation>
    </message>
    <message>
        <source>Export into folder</source>
        <translation>Exporter dans le dossier</translation>
    </message>
</context>
<context>
    <name>ExportPart</name>
    <message>
        <source>Select a finished job to export its result.</source>
        <translation>Sélectionnez une tâche terminée pour exporter son résultat.</translation>
    </message>
    <message>
        <source>Plain text (*.txt)</source>
        <translation>Texte brut (*.txt)</translation>
    </message>
    <message>
        <source>hOCR (*.hocr *.html)</source>
        <translation>hOCR (*.hocr *.html)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>TSV (*.tsv)</source>
        <translation>TSV (*.tsv)</translation>
    </message>
    <message>
        <source>Searchable PDF (*.pdf)</source>
        <translation>PDF avec texte (*.pdf)</translation>
    </message>
    <message>
        <source>ALTO XML (*.xml)</source>
        <translation>ALTO XML (*.xml)</translation>
    </message>
    <message>
        <source>Tables as CSV (*.csv)</source>
        <translation>Tableaux en CSV (*.csv)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>Exporter le résultat</translation>
    </message>
    <message>
        <source>Cannot save: %s</source>
        <translation>Impossible d’enregistrer : %s</translation>
    </message>
    <message>
        <source>Saved %s</source>
        <translation>%s enregistré</translation>
    </message>
    <message>
        <source>Select finished jobs to export.</source>
        <translation>Sélectionnez des tâches terminées à exporter.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Exported %1 file(s) to %2</source>
        <translation>%1 fichier(s) exporté(s) dans %2</translation>
    </message>
    <message>
        <source>problems: %1 — </source>
        <translation>problèmes : %1 — </translation>
    </message>
</context>
<context>
    <name>ImageActions</name>
    <message>
        <source>Recognise &amp;selection</source>
        <translation>Reconnaître la &amp;sélection</translation>
    </message>
    <message>
        <source>Drag a rectangle on the image, then recognise just that part as a new job</source>
        <translation>Tracez un rectangle sur l’image, puis reconnaissez seulement cette partie dans une nouvelle tâche</translation>
    </message>
    <message>
        <source>Rotate left</source>
        <translation>Pivoter à gauche</translation>
    </message>
    <message>
        <source>Rotate 90° left and recognise again</source>
        <translation>Pivoter de 90° à gauche et reconnaître à nouveau</translation>
    </message>
    <message>
        <source>Rotate right</source>
        <translation>Pivoter à droite</translation>
    </message>
    <message>
        <source>Rotate 90° right and recognise again</source>
        <translation>Pivoter de 90° à droite et reconnaître à nouveau</translation>
    </message>
</context>
<context>
    <name>Ingest</name>
    <message>
        <source>%1: no images in this folder</source>
        <extracomment>The reason an abandoned request&apos;s job is canceled with (as extract&apos;s own Ctrl+C gives).</extracomment>
        <translation>%1 : aucune image dans ce dossier</translation>
    </message>
    <message>
        <source>%1: not found</source>
        <translation>%1 : introuvable</translation>
    </message>
    <message>
        <source>only the first %1 of %2 images were added</source>
        <translation>seules les %1 premières images sur %2 ont été ajoutées</translation>
    </message>
    <message>
        <source>The queue is full (%1); try again when some jobs are done</source>
        <translation>La file d’attente est pleine (%1) ; réessayez quand des tâches seront terminées</translation>
    </message>
    <message>
        <source>Could not add an item: %1</source>
        <translation>Impossible d’ajouter un élément : %1</translation>
    </message>
</context>
<context>
    <name>InputPart</name>
    <message>
        <source>Only local files or image data can be added; save the image from the browser first.</source>
        <translation>Seuls des fichiers locaux ou des données d’image peuvent être ajoutés ; enregistrez d’abord l’image depuis le navigateur.</translation>
    </message>
    <message>
        <source>Nothing to recognise there: drop image files, folders or image data.</source>
        <translation>Rien à reconnaître : déposez des fichiers image, des dossiers ou des données d’image.</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>Ajout…</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>Ouvrir des images</translation>
    </message>
    <message>
        <source>The clipboard holds no image or image files</source>
        <translation>Le presse-papiers ne contient ni image ni fichier image</translation>
    </message>
    <message>
        <source>Images and PDFs (%s);;All files (*)</source>
        <translation>Images et PDF (%s);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>JobTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>No text found</source>
        <translation>Aucun texte trouvé</translation>
    </message>
    <message>
        <source>Done (cached)</source>
        <translation>Terminé (en cache)</translation>
    </message>
    <message>
        <source>%1 · %2×</source>
        <translation>%1 · %2×</translation>
    </message>
</context>
<context>
    <name>JobsPart</name>
    <message>
        <source>Queue: 1 job</source>
        <translation>File d’attente : 1 tâche</translation>
    </message>
    <message>
        <source>Queue: %1 jobs</source>
        <translation>File d’attente : %1 tâches</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <source>That job is gone (expired or deleted).</source>
        <translation>Cette tâche n’existe plus (expirée ou supprimée).</translation>
    </message>
    <message>
        <source>The queue is full; try again when some jobs are done.</source>
        <translation>La file d’attente est pleine ; réessayez quand des tâches seront terminées.</translation>
    </message>
    <message>
        <source>Cannot read the stored input: %s</source>
        <translation>Impossible de lire l’image enregistrée : %s</translation>
    </message>
    <message>
        <source>Could not make the new job: %s</source>
        <translation>Impossible de créer la nouvelle tâche : %s</translation>
    </message>
    <message>
        <source>Deleted 1 job</source>
        <translation>1 tâche supprimée</translation>
    </message>
    <message>
        <source>Deleted %1 jobs</source>
        <translation>%1 tâches supprimées</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>API: %s</source>
        <translation>API : %s</translation>
    </message>
    <message>
        <source>API: off</source>
        <translation>API : désactivée</translation>
    </message>
    <message>
        <source>About ImageHQ OCR</source>
        <translation>À propos d’ImageHQ OCR</translation>
    </message>
    <message>
        <source>&lt;b&gt;ImageHQ OCR&lt;/b&gt; %1&lt;br&gt;Text from screenshots, scans and photos, recognised on this computer.&lt;br&gt;%2</source>
        <translation>&lt;b&gt;ImageHQ OCR&lt;/b&gt; %1&lt;br&gt;Le texte des captures d’écran, des numérisations et des photos, reconnu sur cet ordinateur.&lt;br&gt;%2</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Queued</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>The image cannot be read (empty, damaged or truncated)</source>
        <translation>Impossible de lire l’image (vide, endommagée ou tronquée)</translation>
    </message>
    <message>
        <source>Not a supported image (expected PNG, JPEG, WebP, TIFF, BMP, GIF or PDF)</source>
        <translation>Format d’image non pris en charge (PNG, JPEG, WebP, TIFF, BMP, GIF ou PDF attendu)</translation>
    </message>
    <message>
        <source>The image is too large to recognise</source>
        <translation>L’image est trop grande pour être reconnue</translation>
    </message>
    <message>
        <source>The file is over the size limit</source>
        <translation>Le fichier dépasse la taille maximale</translation>
    </message>
    <message>
        <source>These recognition settings cannot be used</source>
        <translation>Ces paramètres de reconnaissance ne sont pas utilisables</translation>
    </message>
    <message>
        <source>The language pack for this language is not installed</source>
        <translation>Le pack de langue pour cette langue n’est pas installé</translation>
    </message>
    <message>
        <source>The OCR engine failed or is not installed</source>
        <translation>Le moteur OCR a échoué ou n’est pas installé</translation>
    </message>
    <message>
        <source>Recognition took too long and was stopped</source>
        <translation>La reconnaissance a pris trop de temps et a été arrêtée</translation>
    </message>
    <message>
        <source>The request cannot be carried out</source>
        <translation>La demande ne peut pas être exécutée</translation>
    </message>
    <message>
        <source>The result cannot be saved: the data folder is not usable</source>
        <translation>Impossible d’enregistrer le résultat : le dossier de données est inutilisable</translation>
    </message>
    <message>
        <source>The result cannot be saved: the disk is full</source>
        <translation>Impossible d’enregistrer le résultat : le disque est plein</translation>
    </message>
    <message>
        <source>Interrupted, and its input files are gone</source>
        <translation>Interrompue, et ses fichiers d’entrée ont disparu</translation>
    </message>
    <message>
        <source>An internal error stopped this job</source>
        <translation>Une erreur interne a arrêté cette tâche</translation>
    </message>
    <message>
        <source>The file is empty (0 bytes)</source>
        <translation>Le fichier est vide (0 octet)</translation>
    </message>
    <message>
        <source>The image file is truncated or damaged</source>
        <translation>Le fichier image est tronqué ou endommagé</translation>
    </message>
    <message>
        <source>The image has no pixels</source>
        <translation>L’image n’a aucun pixel</translation>
    </message>
    <message>
        <source>The file does not exist</source>
        <translation>Le fichier n’existe pas</translation>
    </message>
    <message>
        <source>This is a folder, not an image</source>
        <translation>C’est un dossier, pas une image</translation>
    </message>
    <message>
        <source>All %1 images failed: %2</source>
        <translation>Les %1 images ont échoué : %2</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Allemand</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Espagnol</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italien</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Portugais</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Néerlandais</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>Polonais</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Russe</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>Turc</translation>
    </message>
    <message>
        <source>Chinese (simplified)</source>
        <translation>Chinois (simplifié)</translation>
    </message>
    <message>
        <source>Chinese (traditional)</source>
        <translation>Chinois (traditionnel)</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>Japonais</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>Coréen</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>Arabe</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>NoTextNotice</name>
    <message>
        <source>No text found</source>
        <translation>Aucun texte trouvé</translation>
    </message>
    <message>
        <source>What may help:</source>
        <translation>Ce qui peut aider :</translation>
    </message>
    <message>
        <source>Try %1</source>
        <translation>Essayer %1</translation>
    </message>
    <message>
        <source>Sparse text</source>
        <translation>Texte épars</translation>
    </message>
    <message>
        <source>Detect orientation</source>
        <translation>Détecter l’orientation</translation>
    </message>
</context>
<context>
    <name>OverlayView</name>
    <message>
        <source>Image with recognised boxes</source>
        <translation>Image avec les zones reconnues</translation>
    </message>
</context>
<context>
    <name>PageSegmentation</name>
    <message>
        <source>Automatic layout</source>
        <translation>Mise en page automatique</translation>
    </message>
    <message>
        <source>Single column (terminals, code)</source>
        <translation>Une seule colonne (terminaux, code)</translation>
    </message>
    <message>
        <source>Single block of text</source>
        <translation>Un seul bloc de texte</translation>
    </message>
    <message>
        <source>Single line</source>
        <translation>Une seule ligne</translation>
    </message>
    <message>
        <source>Sparse text</source>
        <translation>Texte épars</translation>
    </message>
</context>
<context>
    <name>PageSwitcher</name>
    <message>
        <source>Previous page (Ctrl+Page Up)</source>
        <translation>Page précédente (Ctrl+Page préc.)</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Page précédente</translation>
    </message>
    <message>
        <source>Next page (Ctrl+Page Down)</source>
        <translation>Page suivante (Ctrl+Page suiv.)</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Page suivante</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 sur %2</translation>
    </message>
</context>
<context>
    <name>PaneToggles</name>
    <message>
        <source>&amp;Job list</source>
        <translation>Liste des &amp;tâches</translation>
    </message>
    <message>
        <source>&amp;Image</source>
        <translation>&amp;Image</translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation>Te&amp;xte</translation>
    </message>
</context>
<context>
    <name>PanesPart</name>
    <message>
        <source>Jobs</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Hits in watched folders</source>
        <translation>Résultats dans les dossiers surveillés</translation>
    </message>
    <message>
        <source>Double-click to open the image as a job</source>
        <translation>Double-cliquez pour ouvrir l’image comme tâche</translation>
    </message>
    <message>
        <source>no OCR engine</source>
        <translation>aucun moteur OCR</translation>
    </message>
    <message>
        <source>OCR engine missing: %s</source>
        <translation>Moteur OCR absent : %s</translation>
    </message>
</context>
<context>
    <name>PdfText</name>
    <message>
        <source>PDF text layer where there is one</source>
        <translation>Couche de texte du PDF là où il y en a une</translation>
    </message>
    <message>
        <source>Always recognise PDF pages</source>
        <translation>Toujours reconnaître les pages PDF</translation>
    </message>
    <message>
        <source>Only the PDF text layer</source>
        <translation>Seulement la couche de texte du PDF</translation>
    </message>
</context>
<context>
    <name>ProgressDelegate</name>
    <message>
        <source>queued</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>lecture…</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>Merchant</source>
        <extracomment>Each table can shrink to this height (the window&apos;s minimum size must not grow). Below this the panel scrolls.</extracomment>
        <translation>Commerçant</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Date as printed</source>
        <translation>Date telle qu’imprimée</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Sous-total</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Taxes</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
</context>
<context>
    <name>ReceiptPanel</name>
    <message>
        <source>Receipt fields</source>
        <translation>Champs du ticket</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Receipt items</source>
        <translation>Articles du ticket</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Prix unitaire</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>&amp;Parse as receipt</source>
        <translation>&amp;Analyser comme ticket</translation>
    </message>
    <message>
        <source>Read merchant, date, total and items from this text</source>
        <translation>Lire le commerçant, la date, le total et les articles dans ce texte</translation>
    </message>
    <message>
        <source>Copy &amp;JSON</source>
        <translation>Copier en &amp;JSON</translation>
    </message>
    <message>
        <source>Copy C&amp;SV</source>
        <translation>Copier en C&amp;SV</translation>
    </message>
    <message>
        <source>Copy the items as CSV</source>
        <translation>Copier les articles en CSV</translation>
    </message>
    <message>
        <source>confidence %1 %</source>
        <translation>confiance %1 %</translation>
    </message>
    <message>
        <source>not found on the receipt</source>
        <translation>absent du ticket</translation>
    </message>
    <message>
        <source>Not parsed as a receipt yet.</source>
        <translation>Pas encore analysé comme ticket.</translation>
    </message>
    <message>
        <source>No result to parse.</source>
        <translation>Aucun résultat à analyser.</translation>
    </message>
    <message>
        <source>Click a row to see where it was read; double-click to edit.</source>
        <translation>Cliquez sur une ligne pour voir où elle a été lue ; double-cliquez pour la modifier.</translation>
    </message>
    <message>
        <source>Copied the receipt as JSON</source>
        <translation>Ticket copié en JSON</translation>
    </message>
    <message>
        <source>Copied the receipt items as CSV</source>
        <translation>Articles du ticket copiés en CSV</translation>
    </message>
    <message>
        <source>Te&amp;xt</source>
        <translation>Te&amp;xte</translation>
    </message>
    <message>
        <source>Rec&amp;eipt</source>
        <translation>Tick&amp;et</translation>
    </message>
</context>
<context>
    <name>ResultLayoutPart</name>
    <message>
        <source>&amp;Words</source>
        <translation>&amp;Mots</translation>
    </message>
    <message>
        <source>&amp;Lines</source>
        <translation>&amp;Lignes</translation>
    </message>
    <message>
        <source>&amp;Blocks</source>
        <translation>&amp;Blocs</translation>
    </message>
    <message>
        <source>Show %s boxes</source>
        <translation>Afficher les zones : %s</translation>
    </message>
    <message>
        <source>Highlight below</source>
        <translation>Surligner en dessous de</translation>
    </message>
    <message>
        <source>Low-confidence threshold</source>
        <translation>Seuil de faible confiance</translation>
    </message>
    <message>
        <source>Words below this confidence are highlighted in red</source>
        <translation>Les mots sous ce niveau de confiance sont surlignés en rouge</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Fit to window (Ctrl+0)</source>
        <translation>Ajuster à la fenêtre (Ctrl+0)</translation>
    </message>
    <message>
        <source>Actual size (Ctrl+1)</source>
        <translation>Taille réelle (Ctrl+1)</translation>
    </message>
    <message>
        <source>≥ 85 %</source>
        <translation>≥ 85 %</translation>
    </message>
    <message>
        <source>60–85 %</source>
        <translation>60–85 %</translation>
    </message>
    <message>
        <source>&lt; 60 %</source>
        <translation>&lt; 60 %</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>sélectionné</translation>
    </message>
    <message>
        <source>Drag to select words · wheel to zoom · middle button or Space+drag to pan</source>
        <translation>Faites glisser pour sélectionner des mots · molette pour zoomer · bouton du milieu ou Espace+glisser pour déplacer</translation>
    </message>
    <message>
        <source>Recognised text</source>
        <translation>Texte reconnu</translation>
    </message>
    <message>
        <source>The recognised text appears here.</source>
        <translation>Le texte reconnu apparaît ici.</translation>
    </message>
    <message>
        <source>Copy selection</source>
        <translation>Copier la sélection</translation>
    </message>
    <message>
        <source>Copy the words selected in the image</source>
        <translation>Copier les mots sélectionnés dans l’image</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Copy all text (Ctrl+Shift+C)</source>
        <translation>Copier tout le texte (Ctrl+Maj+C)</translation>
    </message>
    <message>
        <source>Copy all text</source>
        <translation>Copier tout le texte</translation>
    </message>
    <message>
        <source>Copy as &amp;table</source>
        <translation>Copier comme &amp;tableau</translation>
    </message>
    <message>
        <source>Copy the tables in the image, for a spreadsheet or a document</source>
        <translation>Copier les tableaux de l’image, pour un tableur ou un document</translation>
    </message>
    <message>
        <source>Revert to OCR text</source>
        <translation>Revenir au texte OCR</translation>
    </message>
    <message>
        <source>Discard your edits and show the recognised text</source>
        <translation>Abandonner vos modifications et afficher le texte reconnu</translation>
    </message>
    <message>
        <source>Re-run with</source>
        <translation>Relancer avec</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Language packs, e.g. eng or eng+deu</source>
        <translation>Packs de langue, p. ex. eng ou eng+deu</translation>
    </message>
    <message>
        <source>Page segmentation</source>
        <translation>Segmentation de la page</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Moteur</translation>
    </message>
    <message>
        <source>Detect &amp;orientation</source>
        <translation>Détecter l’&amp;orientation</translation>
    </message>
    <message>
        <source>Barco&amp;des</source>
        <translation>Co&amp;des-barres</translation>
    </message>
    <message>
        <source>Read barcodes and QR codes too</source>
        <translation>Lire aussi les codes-barres et les codes QR</translation>
    </message>
    <message>
        <source>PDF text layer</source>
        <translation>Couche de texte du PDF</translation>
    </message>
    <message>
        <source>&amp;Re-run</source>
        <translation>&amp;Relancer</translation>
    </message>
    <message>
        <source>Re-run this job with these options</source>
        <translation>Relancer cette tâche avec ces options</translation>
    </message>
</context>
<context>
    <name>ResultTextPart</name>
    <message>
        <source>Reverted to the recognised text</source>
        <translation>Texte reconnu rétabli</translation>
    </message>
    <message>
        <source>1 word</source>
        <translation>1 mot</translation>
    </message>
    <message>
        <source>%1 words</source>
        <translation>%1 mots</translation>
    </message>
    <message>
        <source>mean confidence %1 %</source>
        <translation>confiance moyenne %1 %</translation>
    </message>
    <message>
        <source>%1 below threshold</source>
        <translation>%1 sous le seuil</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>Copied 1 word</source>
        <translation>1 mot copié</translation>
    </message>
    <message>
        <source>Copied %1 words</source>
        <translation>%1 mots copiés</translation>
    </message>
    <message>
        <source>Copied the selected words</source>
        <translation>Mots sélectionnés copiés</translation>
    </message>
    <message>
        <source>Copied all text</source>
        <translation>Tout le texte a été copié</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <source>No job selected</source>
        <translation>Aucune tâche sélectionnée</translation>
    </message>
    <message>
        <source>This job failed: %1</source>
        <translation>Cette tâche a échoué : %1</translation>
    </message>
    <message>
        <source>This image cannot be read: running it again cannot help</source>
        <translation>Cette image est illisible : la relancer n’y changera rien</translation>
    </message>
    <message>
        <source>Cannot read the stored result: %s</source>
        <translation>Impossible de lire le résultat enregistré : %s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>cached</source>
        <translation>en cache</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings — ImageHQ OCR</source>
        <translation>Paramètres — ImageHQ OCR</translation>
    </message>
    <message>
        <source>Recognition</source>
        <translation>Reconnaissance</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <source>&amp;Languages:</source>
        <translation>&amp;Langues :</translation>
    </message>
    <message>
        <source>Several languages slow recognition down. Missing one? Install its pack, e.g.</source>
        <translation>Plusieurs langues ralentissent la reconnaissance. Il en manque une ? Installez son pack, p. ex.</translation>
    </message>
    <message>
        <source>Detect and correct &amp;orientation</source>
        <translation>Détecter et corriger l’&amp;orientation</translation>
    </message>
    <message>
        <source>Needs the osd pack: %s</source>
        <translation>Nécessite le pack osd : %s</translation>
    </message>
    <message>
        <source>Page segmentation</source>
        <translation>Segmentation de la page</translation>
    </message>
    <message>
        <source>Page &amp;segmentation:</source>
        <translation>&amp;Segmentation de la page :</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Moteur</translation>
    </message>
    <message>
        <source>Automatic: Tesseract for screenshots and documents, PP-OCR for photos, receipts and labels</source>
        <translation>Automatique : Tesseract pour les captures d’écran et les documents, PP-OCR pour les photos, tickets et étiquettes</translation>
    </message>
    <message>
        <source>&amp;Engine:</source>
        <translation>&amp;Moteur :</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> heures</translation>
    </message>
    <message>
        <source>Keep results for</source>
        <translation>Conserver les résultats pendant</translation>
    </message>
    <message>
        <source>&amp;Keep results for:</source>
        <translation>&amp;Conserver les résultats pendant :</translation>
    </message>
    <message>
        <source>Capture hotkey</source>
        <translation>Raccourci de capture</translation>
    </message>
    <message>
        <source>Capture &amp;hotkey:</source>
        <translation>&amp;Raccourci de capture :</translation>
    </message>
    <message>
        <source>Closing the window keeps ImageHQ OCR in the &amp;tray</source>
        <translation>Fermer la fenêtre laisse ImageHQ OCR dans la zone de &amp;notification</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>The&amp;me:</source>
        <translation>Thè&amp;me :</translation>
    </message>
    <message>
        <source>Local API</source>
        <translation>API locale</translation>
    </message>
    <message>
        <source>Start the local &amp;API (loopback only)</source>
        <translation>Démarrer l’&amp;API locale (boucle locale uniquement)</translation>
    </message>
    <message>
        <source>API port</source>
        <translation>Port de l’API</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port :</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>Jeton de l’API</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the API token</source>
        <translation>Copier le jeton de l’API</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Jeton :</translation>
    </message>
    <message>
        <source>Running at %s</source>
        <translation>En service sur %s</translation>
    </message>
    <message>
        <source>Not running</source>
        <translation>Arrêtée</translation>
    </message>
    <message>
        <source>Captured text</source>
        <translation>Texte capturé</translation>
    </message>
    <message>
        <source>Ca&amp;ptured text:</source>
        <translation>Te&amp;xte capturé :</translation>
    </message>
    <message>
        <source>Copied and exported text</source>
        <translation>Texte copié et exporté</translation>
    </message>
    <message>
        <source>Copied and e&amp;xported text:</source>
        <translation>Texte copié et e&amp;xporté :</translation>
    </message>
    <message>
        <source>Keep the lines</source>
        <translation>Garder les lignes</translation>
    </message>
    <message>
        <source>Join lines into paragraphs</source>
        <translation>Joindre les lignes en paragraphes</translation>
    </message>
    <message>
        <source>All on one line</source>
        <translation>Tout sur une ligne</translation>
    </message>
    <message>
        <source>Watched folders</source>
        <translation>Dossiers surveillés</translation>
    </message>
    <message>
        <source>Images in these folders are read in the background and found by the search box. Suggested: %s</source>
        <translation>Les images de ces dossiers sont lues en arrière-plan et retrouvées par le champ de recherche. Suggestion : %s</translation>
    </message>
    <message>
        <source>Read &amp;barcodes and QR codes</source>
        <translation>Lire les codes-&amp;barres et les codes QR</translation>
    </message>
    <message>
        <source>PDF pages</source>
        <translation>Pages PDF</translation>
    </message>
    <message>
        <source>P&amp;DF pages:</source>
        <translation>Pages P&amp;DF :</translation>
    </message>
    <message>
        <source>Start ImageHQ OCR in the tray when I lo&amp;g in</source>
        <translation>Démarrer ImageHQ OCR dans la zone de notification à l’o&amp;uverture de session</translation>
    </message>
    <message>
        <source>The capture hotkey works from the start, and the command line reads warm</source>
        <translation>Le raccourci de capture fonctionne dès l’ouverture de session, et la ligne de commande lit sans temps de démarrage</translation>
    </message>
    <message>
        <source>Cannot change the start at log-in: %1</source>
        <translation>Impossible de modifier le démarrage à l’ouverture de session : %1</translation>
    </message>
</context>
<context>
    <name>TablesPart</name>
    <message>
        <source>Select a finished job to read its tables.</source>
        <translation>Sélectionnez une tâche terminée pour lire ses tableaux.</translation>
    </message>
    <message>
        <source>That job is gone (expired or deleted).</source>
        <translation>Cette tâche n’existe plus (expirée ou supprimée).</translation>
    </message>
    <message>
        <source>Cannot read the tables: %s</source>
        <translation>Impossible de lire les tableaux : %s</translation>
    </message>
    <message>
        <source>Reading the tables…</source>
        <translation>Lecture des tableaux…</translation>
    </message>
    <message>
        <source>No table found (rows of two or more aligned cells).</source>
        <translation>Aucun tableau trouvé (lignes de deux cellules alignées ou plus).</translation>
    </message>
    <message>
        <source>%1 rows × %2 columns</source>
        <translation>%1 lignes × %2 colonnes</translation>
    </message>
    <message>
        <source>Copied the table (%1)</source>
        <translation>Tableau copié (%1)</translation>
    </message>
    <message>
        <source>Copied %1 tables</source>
        <translation>%1 tableaux copiés</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Capture region</source>
        <extracomment>index of the first word of each page (one entry for a one-page result)</extracomment>
        <translation>Capturer une zone</translation>
    </message>
    <message>
        <source>Show window</source>
        <translation>Afficher la fenêtre</translation>
    </message>
    <message>
        <source>Recent results (click to copy)</source>
        <translation>Résultats récents (cliquer pour copier)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>TrayNotice</name>
    <message>
        <source>ImageHQ OCR is still running</source>
        <translation>ImageHQ OCR est toujours en cours d’exécution</translation>
    </message>
    <message>
        <source>Closing the window keeps ImageHQ OCR in the tray, so the capture hotkey still works. Quit from the tray menu or with Ctrl+Q; Settings can turn this off.</source>
        <translation>Fermer la fenêtre laisse ImageHQ OCR dans la zone de notification, pour que le raccourci de capture fonctionne toujours. Quittez depuis le menu de la zone de notification ou avec Ctrl+Q ; les Paramètres permettent de désactiver ce comportement.</translation>
    </message>
</context>
<context>
    <name>WatchedFolders</name>
    <message>
        <source>Watched folders</source>
        <translation>Dossiers surveillés</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>Reti&amp;rer</translation>
    </message>
    <message>
        <source>Watch a folder</source>
        <translation>Surveiller un dossier</translation>
    </message>
    <message>
        <source>A&amp;dd folder…</source>
        <translation>Ajouter un &amp;dossier…</translation>
    </message>
</context>
<context>
    <name>WindowBase</name>
    <message>
        <source>1 job</source>
        <translation>1 tâche</translation>
    </message>
    <message>
        <source>%1 jobs</source>
        <translation>%1 tâches</translation>
    </message>
</context>
<context>
    <name>_ScreenOverlay</name>
    <message>
        <source>Drag to select · Esc to cancel</source>
        <translation>Faites glisser pour sélectionner · Échap pour annuler</translation>
    </message>
    <message>
        <source>Tab: %s</source>
        <translation>Tab : %s</translation>
    </message>
</context>
</TS>
