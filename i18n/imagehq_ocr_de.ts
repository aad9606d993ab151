<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ActionsPart</name>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>Bilder öffnen</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>Recognise the image or files on the clipboard</source>
        <translation>Das Bild oder die Dateien in der Zwischenablage erkennen</translation>
    </message>
    <message>
        <source>&amp;Capture region</source>
        <translation>Bereich &amp;aufnehmen</translation>
    </message>
    <message>
        <source>Capture a screen region and recognise it</source>
        <translation>Einen Bildschirmbereich aufnehmen und erkennen</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Save this result as txt, hOCR, JSON or TSV</source>
        <translation>Dieses Ergebnis als txt, hOCR, JSON oder TSV speichern</translation>
    </message>
    <message>
        <source>Export &amp;selected…</source>
        <translation>&amp;Auswahl exportieren…</translation>
    </message>
    <message>
        <source>Export the selected jobs into a folder</source>
        <translation>Die ausgewählten Aufträge in einen Ordner exportieren</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Run the selected jobs again</source>
        <translation>Die ausgewählten Aufträge erneut ausführen</translation>
    </message>
    <message>
        <source>C&amp;ancel</source>
        <translation>Ab&amp;brechen</translation>
    </message>
    <message>
        <source>Cancel the selected jobs</source>
        <translation>Die ausgewählten Aufträge abbrechen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete the selected jobs and their files</source>
        <translation>Die ausgewählten Aufträge und ihre Dateien löschen</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Search the stored text</source>
        <translation>Den gespeicherten Text durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>&amp;Aufträge</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About ImageHQ OCR</source>
        <translation>Ü&amp;ber ImageHQ OCR</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Search text and file names…</source>
        <translation>Text und Dateinamen durchsuchen…</translation>
    </message>
    <message>
        <source>Search jobs</source>
        <translation>Aufträge durchsuchen</translation>
    </message>
</context>
<context>
    <name>CaptureController</name>
    <message>
        <source>%1: copied</source>
        <extracomment>An extract request carries the image (base64): this much at most.</extracomment>
        <translation>%1: kopiert</translation>
    </message>
    <message>
        <source>No text found in the selected region</source>
        <translation>Im ausgewählten Bereich wurde kein Text gefunden</translation>
    </message>
    <message>
        <source>%1: capture failed</source>
        <translation>%1: Aufnahme fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>CaptureOverlay</name>
    <message>
        <source>keep the lines</source>
        <extracomment>how this capture&apos;s text goes on the clipboard; Tab switches it (the &quot;Captured text&quot; setting is where it starts)</extracomment>
        <translation>Zeilen beibehalten</translation>
    </message>
    <message>
        <source>join lines into paragraphs</source>
        <translation>Zeilen zu Absätzen verbinden</translation>
    </message>
    <message>
        <source>all on one line</source>
        <translation>alles in einer Zeile</translation>
    </message>
</context>
<context>
    <name>DesktopIntegration</name>
    <message>
        <source>%1: hotkey not available</source>
        <extracomment>``--background`` at log-in: how long to wait for a tray that starts with the session, and how often to look, before the window shows instead.</extracomment>
        <translation>%1: Tastenkürzel nicht verfügbar</translation>
    </message>
    <message>
        <source>%1: copied</source>
        <translation>%1: kopiert</translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <source>Drop zone</source>
        <translation>Ablagebereich</translation>
    </message>
    <message>
        <source>Drop images here, paste with Ctrl+V, or capture a screen region</source>
        <translation>Bilder hierher ziehen, mit Strg+V einfügen oder einen Bildschirmbereich aufnehmen</translation>
    </message>
    <message>
        <source>PNG, JPEG, WebP, TIFF, BMP, GIF and PDF · several files or whole folders at once · text stays on this computer</source>
        <translation>PNG, JPEG, WebP, TIFF, BMP, GIF und PDF · mehrere Dateien oder ganze Ordner auf einmal · der Text bleibt auf diesem Computer</translation>
    </message>
    <message>
        <source>Open images…</source>
        <translation>Bilder öffnen…</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Capture region</source>
        <translation>Bereich aufnehmen</translation>
    </message>
</context>
<context>
    <name>EditKeeper</name>
    <message>
        <source>Cannot keep the edited text: %s</source>
        <translation>Der bearbeitete Text kann nicht gespeichert werden: %s</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>Automatic engine</source>
        <extracomment>Where a hint may be cut: between its parts (&quot;Drag to select words · wheel to zoom · …&quot;).</extracomment>
        <translation>Automatische Engine</translation>
    </message>
    <message>
        <source>Tesseract (screens, documents)</source>
        <translation>Tesseract (Bildschirme, Dokumente)</translation>
    </message>
    <message>
        <source>PP-OCR (photos, receipts, labels)</source>
        <translation>PP-OCR (Fotos, Belege, Etiketten)</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>canceled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1: %2, nothing to export</source>
        <translation>%1: %2, nichts zu exportieren</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>Export %n job(s)</source>
        <translation>
            <numerusform>%n Auftrag exportieren</numerusform>
            <numerusform>%n Aufträge exportieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>Export into folder</source>
        <translation>In Ordner exportieren</translation>
    </message>
</context>
<context>
    <name>ExportPart</name>
    <message>
        <source>Select a finished job to export its result.</source>
        <translation>Wählen Sie einen fertigen Auftrag, um sein Ergebnis zu exportieren.</translation>
    </message>
    <message>
        <source>Plain text (*.txt)</source>
        <translation>Nur Text (*.txt)</translation>
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
        <translation>Durchsuchbares PDF (*.pdf)</translation>
    </message>
    <message>
        <source>ALTO XML (*.xml)</source>
        <translation>ALTO-XML (*.xml)</translation>
    </message>
    <message>
        <source>Tables as CSV (*.csv)</source>
        <translation>Tabellen als CSV (*.csv)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>Ergebnis exportieren</translation>
    </message>
    <message>
        <source>Cannot save: %s</source>
        <translation>Speichern nicht möglich: %s</translation>
    </message>
    <message>
        <source>Saved %s</source>
        <translation>%s gespeichert</translation>
    </message>
    <message>
        <source>Select finished jobs to export.</source>
        <translation>Wählen Sie fertige Aufträge zum Exportieren.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Exported %1 file(s) to %2</source>
        <translation>%1 Datei(en) nach %2 exportiert</translation>
    </message>
    <message>
        <source>problems: %1 — </source>
        <translation>Probleme: %1 — </translation>
    </message>
</context>
<context>
    <name>ImageActions</name>
    <message>
        <source>Recognise &amp;selection</source>
        <translation>&amp;Auswahl erkennen</translation>
    </message>
    <message>
        <source>Drag a rectangle on the image, then recognise just that part as a new job</source>
        <translation>Ziehen Sie ein Rechteck auf dem Bild auf und erkennen Sie nur diesen Teil als neuen Auftrag</translation>
    </message>
    <message>
        <source>Rotate left</source>
        <translation>Nach links drehen</translation>
    </message>
    <message>
        <source>Rotate 90° left and recognise again</source>
        <translation>Um 90° nach links drehen und neu erkennen</translation>
    </message>
    <message>
        <source>Rotate right</source>
        <translation>Nach rechts drehen</translation>
    </message>
    <message>
        <source>Rotate 90° right and recognise again</source>
        <translation>Um 90° nach rechts drehen und neu erkennen</translation>
    </message>
</context>
<context>
    <name>Ingest</name>
    <message>
        <source>%1: no images in this folder</source>
        <extracomment>The reason an abandoned request&apos;s job is canceled with (as extract&apos;s own Ctrl+C gives).</extracomment>
        <translation>%1: keine Bilder in diesem Ordner</translation>
    </message>
    <message>
        <source>%1: not found</source>
        <translation>%1: nicht gefunden</translation>
    </message>
    <message>
        <source>only the first %1 of %2 images were added</source>
        <translation>nur die ersten %1 von %2 Bildern wurden hinzugefügt</translation>
    </message>
    <message>
        <source>The queue is full (%1); try again when some jobs are done</source>
        <translation>Die Warteschlange ist voll (%1); versuchen Sie es erneut, wenn einige Aufträge fertig sind</translation>
    </message>
    <message>
        <source>Could not add an item: %1</source>
        <translation>Ein Element konnte nicht hinzugefügt werden: %1</translation>
    </message>
</context>
<context>
    <name>InputPart</name>
    <message>
        <source>Only local files or image data can be added; save the image from the browser first.</source>
        <translation>Nur lokale Dateien oder Bilddaten können hinzugefügt werden; speichern Sie das Bild zuerst aus dem Browser.</translation>
    </message>
    <message>
        <source>Nothing to recognise there: drop image files, folders or image data.</source>
        <translation>Nichts zu erkennen: Bilddateien, Ordner oder Bilddaten ablegen.</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>Wird hinzugefügt…</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>Bilder öffnen</translation>
    </message>
    <message>
        <source>The clipboard holds no image or image files</source>
        <translation>Die Zwischenablage enthält kein Bild und keine Bilddateien</translation>
    </message>
    <message>
        <source>Images and PDFs (%s);;All files (*)</source>
        <translation>Bilder und PDFs (%s);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>JobTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Done (cached)</source>
        <translation>Fertig (aus dem Speicher)</translation>
    </message>
    <message>
        <source>No text found</source>
        <translation>Kein Text gefunden</translation>
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
        <translation>Warteschlange: 1 Auftrag</translation>
    </message>
    <message>
        <source>Queue: %1 jobs</source>
        <translation>Warteschlange: %1 Aufträge</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>That job is gone (expired or deleted).</source>
        <translation>Dieser Auftrag existiert nicht mehr (abgelaufen oder gelöscht).</translation>
    </message>
    <message>
        <source>The queue is full; try again when some jobs are done.</source>
        <translation>Die Warteschlange ist voll; versuchen Sie es erneut, wenn einige Aufträge fertig sind.</translation>
    </message>
    <message>
        <source>Cannot read the stored input: %s</source>
        <translation>Die gespeicherte Eingabe ist nicht lesbar: %s</translation>
    </message>
    <message>
        <source>Could not make the new job: %s</source>
        <translation>Der neue Auftrag konnte nicht erstellt werden: %s</translation>
    </message>
    <message>
        <source>Deleted 1 job</source>
        <translation>1 Auftrag gelöscht</translation>
    </message>
    <message>
        <source>Deleted %1 jobs</source>
        <translation>%1 Aufträge gelöscht</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>API: %s</source>
        <translation>API: %s</translation>
    </message>
    <message>
        <source>API: off</source>
        <translation>API: aus</translation>
    </message>
    <message>
        <source>About ImageHQ OCR</source>
        <translation>Über ImageHQ OCR</translation>
    </message>
    <message>
        <source>&lt;b&gt;ImageHQ OCR&lt;/b&gt; %1&lt;br&gt;Text from screenshots, scans and photos, recognised on this computer.&lt;br&gt;%2</source>
        <translation>&lt;b&gt;ImageHQ OCR&lt;/b&gt; %1&lt;br&gt;Text aus Bildschirmfotos, Scans und Fotos, erkannt auf diesem Computer.&lt;br&gt;%2</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Queued</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>The image cannot be read (empty, damaged or truncated)</source>
        <translation>Das Bild kann nicht gelesen werden (leer, beschädigt oder abgeschnitten)</translation>
    </message>
    <message>
        <source>Not a supported image (expected PNG, JPEG, WebP, TIFF, BMP, GIF or PDF)</source>
        <translation>Kein unterstütztes Bildformat (erwartet: PNG, JPEG, WebP, TIFF, BMP, GIF oder PDF)</translation>
    </message>
    <message>
        <source>The image is too large to recognise</source>
        <translation>Das Bild ist zu groß für die Erkennung</translation>
    </message>
    <message>
        <source>The file is over the size limit</source>
        <translation>Die Datei überschreitet die Größenbegrenzung</translation>
    </message>
    <message>
        <source>These recognition settings cannot be used</source>
        <translation>Diese Erkennungseinstellungen sind nicht verwendbar</translation>
    </message>
    <message>
        <source>The language pack for this language is not installed</source>
        <translation>Das Sprachpaket für diese Sprache ist nicht installiert</translation>
    </message>
    <message>
        <source>The OCR engine failed or is not installed</source>
        <translation>Die OCR-Engine ist fehlgeschlagen oder nicht installiert</translation>
    </message>
    <message>
        <source>Recognition took too long and was stopped</source>
        <translation>Die Erkennung hat zu lange gedauert und wurde abgebrochen</translation>
    </message>
    <message>
        <source>The request cannot be carried out</source>
        <translation>Die Anfrage kann nicht ausgeführt werden</translation>
    </message>
    <message>
        <source>The result cannot be saved: the data folder is not usable</source>
        <translation>Das Ergebnis kann nicht gespeichert werden: Der Datenordner ist nicht verwendbar</translation>
    </message>
    <message>
        <source>The result cannot be saved: the disk is full</source>
        <translation>Das Ergebnis kann nicht gespeichert werden: Der Datenträger ist voll</translation>
    </message>
    <message>
        <source>Interrupted, and its input files are gone</source>
        <translation>Unterbrochen, und die Eingabedateien sind nicht mehr vorhanden</translation>
    </message>
    <message>
        <source>An internal error stopped this job</source>
        <translation>Ein interner Fehler hat diesen Auftrag beendet</translation>
    </message>
    <message>
        <source>The file is empty (0 bytes)</source>
        <translation>Die Datei ist leer (0 Byte)</translation>
    </message>
    <message>
        <source>The image file is truncated or damaged</source>
        <translation>Die Bilddatei ist abgeschnitten oder beschädigt</translation>
    </message>
    <message>
        <source>The image has no pixels</source>
        <translation>Das Bild hat keine Pixel</translation>
    </message>
    <message>
        <source>The file does not exist</source>
        <translation>Die Datei existiert nicht</translation>
    </message>
    <message>
        <source>This is a folder, not an image</source>
        <translation>Das ist ein Ordner, kein Bild</translation>
    </message>
    <message>
        <source>All %1 images failed: %2</source>
        <translation>Alle %1 Bilder sind fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Französisch</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Spanisch</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italienisch</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Portugiesisch</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Niederländisch</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>Polnisch</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Russisch</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>Türkisch</translation>
    </message>
    <message>
        <source>Chinese (simplified)</source>
        <translation>Chinesisch (vereinfacht)</translation>
    </message>
    <message>
        <source>Chinese (traditional)</source>
        <translation>Chinesisch (traditionell)</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>Japanisch</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>Koreanisch</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>Arabisch</translation>
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
        <translation>Kein Text gefunden</translation>
    </message>
    <message>
        <source>What may help:</source>
        <translation>Was helfen kann:</translation>
    </message>
    <message>
        <source>Try %1</source>
        <translation>%1 versuchen</translation>
    </message>
    <message>
        <source>Sparse text</source>
        <translation>Verstreuter Text</translation>
    </message>
    <message>
        <source>Detect orientation</source>
        <translation>Ausrichtung erkennen</translation>
    </message>
</context>
<context>
    <name>OverlayView</name>
    <message>
        <source>Image with recognised boxes</source>
        <translation>Bild mit erkannten Rahmen</translation>
    </message>
</context>
<context>
    <name>PageSegmentation</name>
    <message>
        <source>Automatic layout</source>
        <translation>Automatisches Layout</translation>
    </message>
    <message>
        <source>Single column (terminals, code)</source>
        <translation>Eine Spalte (Terminals, Code)</translation>
    </message>
    <message>
        <source>Single block of text</source>
        <translation>Ein Textblock</translation>
    </message>
    <message>
        <source>Single line</source>
        <translation>Eine Zeile</translation>
    </message>
    <message>
        <source>Sparse text</source>
        <translation>Verstreuter Text</translation>
    </message>
</context>
<context>
    <name>PageSwitcher</name>
    <message>
        <source>Previous page (Ctrl+Page Up)</source>
        <translation>Vorherige Seite (Strg+Bild auf)</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Vorherige Seite</translation>
    </message>
    <message>
        <source>Next page (Ctrl+Page Down)</source>
        <translation>Nächste Seite (Strg+Bild ab)</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Nächste Seite</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
</context>
<context>
    <name>PaneToggles</name>
    <message>
        <source>&amp;Job list</source>
        <translation>&amp;Auftragsliste</translation>
    </message>
    <message>
        <source>&amp;Image</source>
        <translation>&amp;Bild</translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation>&amp;Text</translation>
    </message>
</context>
<context>
    <name>PanesPart</name>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Hits in watched folders</source>
        <translation>Treffer in überwachten Ordnern</translation>
    </message>
    <message>
        <source>Double-click to open the image as a job</source>
        <translation>Doppelklick öffnet das Bild als Auftrag</translation>
    </message>
    <message>
        <source>no OCR engine</source>
        <translation>keine OCR-Engine</translation>
    </message>
    <message>
        <source>OCR engine missing: %s</source>
        <translation>OCR-Engine fehlt: %s</translation>
    </message>
</context>
<context>
    <name>PdfText</name>
    <message>
        <source>PDF text layer where there is one</source>
        <translation>Textebene des PDF, wo vorhanden</translation>
    </message>
    <message>
        <source>Always recognise PDF pages</source>
        <translation>PDF-Seiten immer erkennen</translation>
    </message>
    <message>
        <source>Only the PDF text layer</source>
        <translation>Nur die Textebene des PDF</translation>
    </message>
</context>
<context>
    <name>ProgressDelegate</name>
    <message>
        <source>queued</source>
        <translation>wartend</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>wird gelesen…</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>Merchant</source>
        <extracomment>Each table can shrink to this height (the window&apos;s minimum size must not grow). Below this the panel scrolls.</extracomment>
        <translation>Händler</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Date as printed</source>
        <translation>Datum wie gedruckt</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Zwischensumme</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
</context>
<context>
    <name>ReceiptPanel</name>
    <message>
        <source>Receipt fields</source>
        <translation>Belegfelder</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Receipt items</source>
        <translation>Belegpositionen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Einzelpreis</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>&amp;Parse as receipt</source>
        <translation>Als &amp;Beleg lesen</translation>
    </message>
    <message>
        <source>Read merchant, date, total and items from this text</source>
        <translation>Händler, Datum, Summe und Positionen aus diesem Text lesen</translation>
    </message>
    <message>
        <source>Copy &amp;JSON</source>
        <translation>&amp;JSON kopieren</translation>
    </message>
    <message>
        <source>Copy C&amp;SV</source>
        <translation>C&amp;SV kopieren</translation>
    </message>
    <message>
        <source>Copy the items as CSV</source>
        <translation>Die Positionen als CSV kopieren</translation>
    </message>
    <message>
        <source>confidence %1 %</source>
        <translation>Konfidenz %1 %</translation>
    </message>
    <message>
        <source>not found on the receipt</source>
        <translation>nicht auf dem Beleg gefunden</translation>
    </message>
    <message>
        <source>Not parsed as a receipt yet.</source>
        <translation>Noch nicht als Beleg gelesen.</translation>
    </message>
    <message>
        <source>No result to parse.</source>
        <translation>Kein Ergebnis zum Lesen.</translation>
    </message>
    <message>
        <source>Click a row to see where it was read; double-click to edit.</source>
        <translation>Eine Zeile anklicken zeigt, wo sie gelesen wurde; Doppelklick zum Bearbeiten.</translation>
    </message>
    <message>
        <source>Copied the receipt as JSON</source>
        <translation>Beleg als JSON kopiert</translation>
    </message>
    <message>
        <source>Copied the receipt items as CSV</source>
        <translation>Belegpositionen als CSV kopiert</translation>
    </message>
    <message>
        <source>Te&amp;xt</source>
        <translation>Te&amp;xt</translation>
    </message>
    <message>
        <source>Rec&amp;eipt</source>
        <translation>B&amp;eleg</translation>
    </message>
</context>
<context>
    <name>ResultLayoutPart</name>
    <message>
        <source>&amp;Words</source>
        <translation>&amp;Wörter</translation>
    </message>
    <message>
        <source>&amp;Lines</source>
        <translation>&amp;Zeilen</translation>
    </message>
    <message>
        <source>&amp;Blocks</source>
        <translation>&amp;Blöcke</translation>
    </message>
    <message>
        <source>Show %s boxes</source>
        <translation>%s-Rahmen anzeigen</translation>
    </message>
    <message>
        <source>Highlight below</source>
        <translation>Hervorheben unter</translation>
    </message>
    <message>
        <source>Low-confidence threshold</source>
        <translation>Schwelle für geringe Konfidenz</translation>
    </message>
    <message>
        <source>Words below this confidence are highlighted in red</source>
        <translation>Wörter unter dieser Konfidenz werden rot hervorgehoben</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Fit to window (Ctrl+0)</source>
        <translation>An Fenster anpassen (Strg+0)</translation>
    </message>
    <message>
        <source>Actual size (Ctrl+1)</source>
        <translation>Originalgröße (Strg+1)</translation>
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
        <translation>ausgewählt</translation>
    </message>
    <message>
        <source>Drag to select words · wheel to zoom · middle button or Space+drag to pan</source>
        <translation>Ziehen wählt Wörter · Mausrad zoomt · mittlere Taste oder Leertaste+Ziehen verschiebt</translation>
    </message>
    <message>
        <source>Recognised text</source>
        <translation>Erkannter Text</translation>
    </message>
    <message>
        <source>The recognised text appears here.</source>
        <translation>Der erkannte Text erscheint hier.</translation>
    </message>
    <message>
        <source>Copy selection</source>
        <translation>Auswahl kopieren</translation>
    </message>
    <message>
        <source>Copy the words selected in the image</source>
        <translation>Die im Bild ausgewählten Wörter kopieren</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy all text (Ctrl+Shift+C)</source>
        <translation>Gesamten Text kopieren (Strg+Umschalt+C)</translation>
    </message>
    <message>
        <source>Copy all text</source>
        <translation>Gesamten Text kopieren</translation>
    </message>
    <message>
        <source>Copy as &amp;table</source>
        <translation>Als &amp;Tabelle kopieren</translation>
    </message>
    <message>
        <source>Copy the tables in the image, for a spreadsheet or a document</source>
        <translation>Die Tabellen im Bild kopieren, für eine Tabellenkalkulation oder ein Dokument</translation>
    </message>
    <message>
        <source>Revert to OCR text</source>
        <translation>Zum OCR-Text zurückkehren</translation>
    </message>
    <message>
        <source>Discard your edits and show the recognised text</source>
        <translation>Ihre Änderungen verwerfen und den erkannten Text zeigen</translation>
    </message>
    <message>
        <source>Re-run with</source>
        <translation>Neu erkennen mit</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Language packs, e.g. eng or eng+deu</source>
        <translation>Sprachpakete, z. B. eng oder eng+deu</translation>
    </message>
    <message>
        <source>Page segmentation</source>
        <translation>Seitensegmentierung</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Detect &amp;orientation</source>
        <translation>&amp;Ausrichtung erkennen</translation>
    </message>
    <message>
        <source>Barco&amp;des</source>
        <translation>Barco&amp;des</translation>
    </message>
    <message>
        <source>Read barcodes and QR codes too</source>
        <translation>Auch Barcodes und QR-Codes lesen</translation>
    </message>
    <message>
        <source>PDF text layer</source>
        <translation>Textebene des PDF</translation>
    </message>
    <message>
        <source>&amp;Re-run</source>
        <translation>&amp;Neu erkennen</translation>
    </message>
    <message>
        <source>Re-run this job with these options</source>
        <translation>Diesen Auftrag mit diesen Optionen neu erkennen</translation>
    </message>
</context>
<context>
    <name>ResultTextPart</name>
    <message>
        <source>Reverted to the recognised text</source>
        <translation>Erkannter Text wiederhergestellt</translation>
    </message>
    <message>
        <source>1 word</source>
        <translation>1 Wort</translation>
    </message>
    <message>
        <source>%1 words</source>
        <translation>%1 Wörter</translation>
    </message>
    <message>
        <source>mean confidence %1 %</source>
        <translation>mittlere Konfidenz %1 %</translation>
    </message>
    <message>
        <source>%1 below threshold</source>
        <translation>%1 unter der Schwelle</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <source>Copied 1 word</source>
        <translation>1 Wort kopiert</translation>
    </message>
    <message>
        <source>Copied %1 words</source>
        <translation>%1 Wörter kopiert</translation>
    </message>
    <message>
        <source>Copied the selected words</source>
        <translation>Ausgewählte Wörter kopiert</translation>
    </message>
    <message>
        <source>Copied all text</source>
        <translation>Gesamter Text kopiert</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <source>No job selected</source>
        <translation>Kein Auftrag ausgewählt</translation>
    </message>
    <message>
        <source>Cannot read the stored result: %s</source>
        <translation>Das gespeicherte Ergebnis ist nicht lesbar: %s</translation>
    </message>
    <message>
        <source>cached</source>
        <translation>aus dem Speicher</translation>
    </message>
    <message>
        <source>This job failed: %1</source>
        <translation>Dieser Auftrag ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>This image cannot be read: running it again cannot help</source>
        <translation>Dieses Bild kann nicht gelesen werden: Ein erneuter Durchlauf hilft nicht</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings — ImageHQ OCR</source>
        <translation>Einstellungen — ImageHQ OCR</translation>
    </message>
    <message>
        <source>Recognition</source>
        <translation>Erkennung</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Sprachen</translation>
    </message>
    <message>
        <source>&amp;Languages:</source>
        <translation>&amp;Sprachen:</translation>
    </message>
    <message>
        <source>Several languages slow recognition down. Missing one? Install its pack, e.g.</source>
        <translation>Mehrere Sprachen verlangsamen die Erkennung. Fehlt eine? Installieren Sie ihr Paket, z. B.</translation>
    </message>
    <message>
        <source>Detect and correct &amp;orientation</source>
        <translation>&amp;Ausrichtung erkennen und korrigieren</translation>
    </message>
    <message>
        <source>Needs the osd pack: %s</source>
        <translation>Benötigt das osd-Paket: %s</translation>
    </message>
    <message>
        <source>Page segmentation</source>
        <translation>Seitensegmentierung</translation>
    </message>
    <message>
        <source>Page &amp;segmentation:</source>
        <translation>Seiten&amp;segmentierung:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> Stunden</translation>
    </message>
    <message>
        <source>Keep results for</source>
        <translation>Ergebnisse behalten für</translation>
    </message>
    <message>
        <source>&amp;Keep results for:</source>
        <translation>Ergebnisse &amp;behalten für:</translation>
    </message>
    <message>
        <source>Capture hotkey</source>
        <translation>Tastenkürzel für Aufnahme</translation>
    </message>
    <message>
        <source>Capture &amp;hotkey:</source>
        <translation>&amp;Tastenkürzel für Aufnahme:</translation>
    </message>
    <message>
        <source>Closing the window keeps ImageHQ OCR in the &amp;tray</source>
        <translation>Beim Schließen des Fensters bleibt ImageHQ OCR im &amp;Infobereich</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>The&amp;me:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <source>Local API</source>
        <translation>Lokale API</translation>
    </message>
    <message>
        <source>Start the local &amp;API (loopback only)</source>
        <translation>Lokale &amp;API starten (nur Loopback)</translation>
    </message>
    <message>
        <source>API port</source>
        <translation>API-Port</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the API token</source>
        <translation>API-Token kopieren</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>Running at %s</source>
        <translation>Läuft unter %s</translation>
    </message>
    <message>
        <source>Not running</source>
        <translation>Läuft nicht</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Automatic: Tesseract for screenshots and documents, PP-OCR for photos, receipts and labels</source>
        <translation>Automatisch: Tesseract für Bildschirmfotos und Dokumente, PP-OCR für Fotos, Belege und Etiketten</translation>
    </message>
    <message>
        <source>&amp;Engine:</source>
        <translation>&amp;Engine:</translation>
    </message>
    <message>
        <source>Captured text</source>
        <translation>Erfasster Text</translation>
    </message>
    <message>
        <source>Ca&amp;ptured text:</source>
        <translation>Erfasster &amp;Text:</translation>
    </message>
    <message>
        <source>Copied and exported text</source>
        <translation>Kopierter und exportierter Text</translation>
    </message>
    <message>
        <source>Copied and e&amp;xported text:</source>
        <translation>Kopierter und e&amp;xportierter Text:</translation>
    </message>
    <message>
        <source>Keep the lines</source>
        <translation>Zeilen beibehalten</translation>
    </message>
    <message>
        <source>Join lines into paragraphs</source>
        <translation>Zeilen zu Absätzen verbinden</translation>
    </message>
    <message>
        <source>All on one line</source>
        <translation>Alles in einer Zeile</translation>
    </message>
    <message>
        <source>Watched folders</source>
        <translation>Überwachte Ordner</translation>
    </message>
    <message>
        <source>Images in these folders are read in the background and found by the search box. Suggested: %s</source>
        <translation>Bilder in diesen Ordnern werden im Hintergrund gelesen und über das Suchfeld gefunden. Vorschlag: %s</translation>
    </message>
    <message>
        <source>Read &amp;barcodes and QR codes</source>
        <translation>&amp;Barcodes und QR-Codes lesen</translation>
    </message>
    <message>
        <source>PDF pages</source>
        <translation>PDF-Seiten</translation>
    </message>
    <message>
        <source>P&amp;DF pages:</source>
        <translation>P&amp;DF-Seiten:</translation>
    </message>
    <message>
        <source>Start ImageHQ OCR in the tray when I lo&amp;g in</source>
        <translation>ImageHQ OCR bei der Anme&amp;ldung im Infobereich starten</translation>
    </message>
    <message>
        <source>The capture hotkey works from the start, and the command line reads warm</source>
        <translation>Das Tastenkürzel zum Erfassen funktioniert sofort, und die Befehlszeile liest ohne Startzeit</translation>
    </message>
    <message>
        <source>Cannot change the start at log-in: %1</source>
        <translation>Der Start bei der Anmeldung lässt sich nicht ändern: %1</translation>
    </message>
</context>
<context>
    <name>TablesPart</name>
    <message>
        <source>Select a finished job to read its tables.</source>
        <translation>Wählen Sie einen fertigen Auftrag, um seine Tabellen zu lesen.</translation>
    </message>
    <message>
        <source>That job is gone (expired or deleted).</source>
        <translation>Dieser Auftrag existiert nicht mehr (abgelaufen oder gelöscht).</translation>
    </message>
    <message>
        <source>Cannot read the tables: %s</source>
        <translation>Die Tabellen können nicht gelesen werden: %s</translation>
    </message>
    <message>
        <source>Reading the tables…</source>
        <translation>Tabellen werden gelesen …</translation>
    </message>
    <message>
        <source>No table found (rows of two or more aligned cells).</source>
        <translation>Keine Tabelle gefunden (Zeilen aus zwei oder mehr ausgerichteten Zellen).</translation>
    </message>
    <message>
        <source>%1 rows × %2 columns</source>
        <translation>%1 Zeilen × %2 Spalten</translation>
    </message>
    <message>
        <source>Copied the table (%1)</source>
        <translation>Tabelle kopiert (%1)</translation>
    </message>
    <message>
        <source>Copied %1 tables</source>
        <translation>%1 Tabellen kopiert</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Capture region</source>
        <extracomment>index of the first word of each page (one entry for a one-page result)</extracomment>
        <translation>Bereich aufnehmen</translation>
    </message>
    <message>
        <source>Show window</source>
        <translation>Fenster anzeigen</translation>
    </message>
    <message>
        <source>Recent results (click to copy)</source>
        <translation>Letzte Ergebnisse (zum Kopieren klicken)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>TrayNotice</name>
    <message>
        <source>ImageHQ OCR is still running</source>
        <translation>ImageHQ OCR läuft weiter</translation>
    </message>
    <message>
        <source>Closing the window keeps ImageHQ OCR in the tray, so the capture hotkey still works. Quit from the tray menu or with Ctrl+Q; Settings can turn this off.</source>
        <translation>Beim Schließen des Fensters bleibt ImageHQ OCR im Infobereich, damit das Tastenkürzel zum Erfassen weiter funktioniert. Beenden Sie es über das Menü im Infobereich oder mit Strg+Q; in den Einstellungen lässt sich das abschalten.</translation>
    </message>
</context>
<context>
    <name>WatchedFolders</name>
    <message>
        <source>Watched folders</source>
        <translation>Überwachte Ordner</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>Watch a folder</source>
        <translation>Ordner überwachen</translation>
    </message>
    <message>
        <source>A&amp;dd folder…</source>
        <translation>Or&amp;dner hinzufügen…</translation>
    </message>
</context>
<context>
    <name>WindowBase</name>
    <message>
        <source>1 job</source>
        <translation>1 Auftrag</translation>
    </message>
    <message>
        <source>%1 jobs</source>
        <translation>%1 Aufträge</translation>
    </message>
</context>
<context>
    <name>_ScreenOverlay</name>
    <message>
        <source>Drag to select · Esc to cancel</source>
        <translation>Ziehen zum Auswählen · Esc zum Abbrechen</translation>
    </message>
    <message>
        <source>Tab: %s</source>
        <translation>Tab: %s</translation>
    </message>
</context>
</TS>
