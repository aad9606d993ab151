<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DropZone</name>
    <message>
        <location filename="../app/gui/drop_zone.py" line="25"/>
        <source>Drop zone</source>
        <translation>Ablagebereich</translation>
    </message>
    <message>
        <location filename="../app/gui/drop_zone.py" line="33"/>
        <source>Drop images here, paste with Ctrl+V, or capture a screen region</source>
        <translation>Bilder hierher ziehen, mit Strg+V einfügen oder einen Bildschirmbereich aufnehmen</translation>
    </message>
    <message>
        <location filename="../app/gui/drop_zone.py" line="43"/>
        <source>PNG, JPEG, WebP, TIFF, BMP and GIF · several files or whole folders at once · text stays on this computer</source>
        <translation>PNG, JPEG, WebP, TIFF, BMP und GIF · mehrere Dateien oder ganze Ordner auf einmal · der Text bleibt auf diesem Computer</translation>
    </message>
    <message>
        <location filename="../app/gui/drop_zone.py" line="51"/>
        <source>Open images…</source>
        <translation>Bilder öffnen…</translation>
    </message>
    <message>
        <location filename="../app/gui/drop_zone.py" line="52"/>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <location filename="../app/gui/drop_zone.py" line="53"/>
        <source>Capture region</source>
        <translation>Bereich aufnehmen</translation>
    </message>
</context>
<context>
    <name>JobTableModel</name>
    <message>
        <location filename="../app/gui/job_model.py" line="88"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../app/gui/job_model.py" line="89"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../app/gui/job_model.py" line="90"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../app/gui/job_model.py" line="91"/>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <location filename="../app/gui/job_model.py" line="92"/>
        <source>Time</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../app/gui/job_model.py" line="93"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../app/gui/job_model.py" line="96"/>
        <source>Queued</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <location filename="../app/gui/job_model.py" line="97"/>
        <source>Processing</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <location filename="../app/gui/job_model.py" line="98"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../app/gui/job_model.py" line="99"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/gui/job_model.py" line="100"/>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../app/gui/job_model.py" line="237"/>
        <source>Done (cached)</source>
        <translation>Fertig (aus dem Speicher)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app/gui/main_window.py" line="149"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="152"/>
        <location filename="../app/gui/main_window.py" line="493"/>
        <source>Open images</source>
        <translation>Bilder öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="156"/>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="159"/>
        <source>Recognise the image or files on the clipboard</source>
        <translation>Das Bild oder die Dateien in der Zwischenablage erkennen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="163"/>
        <source>&amp;Capture region</source>
        <translation>Bereich &amp;aufnehmen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="166"/>
        <source>Capture a screen region and recognise it</source>
        <translation>Einen Bildschirmbereich aufnehmen und erkennen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="170"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="173"/>
        <source>Save this result as txt, hOCR, JSON or TSV</source>
        <translation>Dieses Ergebnis als txt, hOCR, JSON oder TSV speichern</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="177"/>
        <source>Export &amp;selected…</source>
        <translation>&amp;Auswahl exportieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="180"/>
        <source>Export the selected jobs into a folder</source>
        <translation>Die ausgewählten Aufträge in einen Ordner exportieren</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="184"/>
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="187"/>
        <source>Run the selected jobs again</source>
        <translation>Die ausgewählten Aufträge erneut ausführen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="191"/>
        <source>C&amp;ancel</source>
        <translation>Ab&amp;brechen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="194"/>
        <source>Cancel the selected jobs</source>
        <translation>Die ausgewählten Aufträge abbrechen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="198"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="201"/>
        <source>Delete the selected jobs and their files</source>
        <translation>Die ausgewählten Aufträge und ihre Dateien löschen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="207"/>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="211"/>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="214"/>
        <source>Search the stored text</source>
        <translation>Den gespeicherten Text durchsuchen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="217"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="221"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="235"/>
        <source>&amp;Jobs</source>
        <translation>&amp;Aufträge</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="244"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="246"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="247"/>
        <source>&amp;About ImageHQ OCR</source>
        <translation>Ü&amp;ber ImageHQ OCR</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="252"/>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="273"/>
        <source>Search text and file names…</source>
        <translation>Text und Dateinamen durchsuchen…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="275"/>
        <source>Search jobs</source>
        <translation>Aufträge durchsuchen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="299"/>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="376"/>
        <source>OCR engine missing: %s</source>
        <translation>OCR-Engine fehlt: %s</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="473"/>
        <source>Only local files or image data can be added; save the image from the browser first.</source>
        <translation>Nur lokale Dateien oder Bilddaten können hinzugefügt werden; speichern Sie das Bild zuerst aus dem Browser.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="477"/>
        <source>Nothing to recognise there: drop image files, folders or image data.</source>
        <translation>Nichts zu erkennen: Bilddateien, Ordner oder Bilddaten ablegen.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="481"/>
        <source>Adding…</source>
        <translation>Wird hinzugefügt…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="495"/>
        <source>Images (%s);;All files (*)</source>
        <translation>Bilder (%s);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="505"/>
        <source>The clipboard holds no image or image files</source>
        <translation>Die Zwischenablage enthält kein Bild und keine Bilddateien</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="570"/>
        <source>Queue: 1 job</source>
        <translation>Warteschlange: 1 Auftrag</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="570"/>
        <source>Queue: %1 jobs</source>
        <translation>Warteschlange: %1 Aufträge</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="573"/>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="577"/>
        <source>1 job</source>
        <translation>1 Auftrag</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="577"/>
        <source>%1 jobs</source>
        <translation>%1 Aufträge</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="614"/>
        <source>That job is gone (expired or deleted).</source>
        <translation>Dieser Auftrag existiert nicht mehr (abgelaufen oder gelöscht).</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="621"/>
        <source>The queue is full; try again when some jobs are done.</source>
        <translation>Die Warteschlange ist voll; versuchen Sie es erneut, wenn einige Aufträge fertig sind.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="624"/>
        <source>Cannot read the stored input: %s</source>
        <translation>Die gespeicherte Eingabe ist nicht lesbar: %s</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="643"/>
        <source>Deleted 1 job</source>
        <translation>1 Auftrag gelöscht</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="644"/>
        <source>Deleted %1 jobs</source>
        <translation>%1 Aufträge gelöscht</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="660"/>
        <source>Select a finished job to export its result.</source>
        <translation>Wählen Sie einen fertigen Auftrag, um sein Ergebnis zu exportieren.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="665"/>
        <source>Plain text (*.txt)</source>
        <translation>Nur Text (*.txt)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="666"/>
        <source>hOCR (*.hocr *.html)</source>
        <translation>hOCR (*.hocr *.html)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="667"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="668"/>
        <source>TSV (*.tsv)</source>
        <translation>TSV (*.tsv)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="672"/>
        <source>Export result</source>
        <translation>Ergebnis exportieren</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="689"/>
        <source>Cannot save: %s</source>
        <translation>Speichern nicht möglich: %s</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="692"/>
        <source>Saved %s</source>
        <translation>%s gespeichert</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="698"/>
        <source>Select finished jobs to export.</source>
        <translation>Wählen Sie fertige Aufträge zum Exportieren.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="701"/>
        <source>Export jobs</source>
        <translation>Aufträge exportieren</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="701"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="706"/>
        <source>Export into folder</source>
        <translation>In Ordner exportieren</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="715"/>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="715"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="716"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="728"/>
        <source>Exported %1 file(s) to %2</source>
        <translation>%1 Datei(en) nach %2 exportiert</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="733"/>
        <source>problems: %1 — </source>
        <translation>Probleme: %1 — </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="770"/>
        <source>API: %s</source>
        <translation>API: %s</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="772"/>
        <source>API: off</source>
        <translation>API: aus</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="784"/>
        <source>About ImageHQ OCR</source>
        <translation>Über ImageHQ OCR</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.py" line="789"/>
        <source>&lt;b&gt;ImageHQ OCR&lt;/b&gt; %1&lt;br&gt;Text from screenshots, scans and photos, recognised on this computer.&lt;br&gt;%2</source>
        <translation>&lt;b&gt;ImageHQ OCR&lt;/b&gt; %1&lt;br&gt;Text aus Bildschirmfotos, Scans und Fotos, erkannt auf diesem Computer.&lt;br&gt;%2</translation>
    </message>
</context>
<context>
    <name>OverlayView</name>
    <message>
        <location filename="../app/gui/overlay_view.py" line="98"/>
        <source>Image with recognised boxes</source>
        <translation>Bild mit erkannten Rahmen</translation>
    </message>
</context>
<context>
    <name>PageSegmentation</name>
    <message>
        <location filename="../app/gui/result_view.py" line="430"/>
        <source>Automatic layout</source>
        <translation>Automatisches Layout</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="433"/>
        <source>Single column (terminals, code)</source>
        <translation>Eine Spalte (Terminals, Code)</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="434"/>
        <source>Single block of text</source>
        <translation>Ein Textblock</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="435"/>
        <source>Single line</source>
        <translation>Eine Zeile</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="436"/>
        <source>Sparse text</source>
        <translation>Verstreuter Text</translation>
    </message>
</context>
<context>
    <name>ProgressDelegate</name>
    <message>
        <location filename="../app/gui/job_model.py" line="312"/>
        <source>queued</source>
        <translation>wartend</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>Merchant</source>
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
        <source>Items</source>
        <translation>Positionen</translation>
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
    <name>ResultView</name>
    <message>
        <location filename="../app/gui/result_view.py" line="123"/>
        <source>&amp;Words</source>
        <translation>&amp;Wörter</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="124"/>
        <source>&amp;Lines</source>
        <translation>&amp;Zeilen</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="125"/>
        <source>&amp;Blocks</source>
        <translation>&amp;Blöcke</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="129"/>
        <source>Show %s boxes</source>
        <translation>%s-Rahmen anzeigen</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="134"/>
        <source>Highlight below</source>
        <translation>Hervorheben unter</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="139"/>
        <source>Low-confidence threshold</source>
        <translation>Schwelle für geringe Konfidenz</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="140"/>
        <source>Words below this confidence are highlighted in red</source>
        <translation>Wörter unter dieser Konfidenz werden rot hervorgehoben</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="149"/>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="150"/>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="151"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="151"/>
        <source>Fit to window (Ctrl+0)</source>
        <translation>An Fenster anpassen (Strg+0)</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="152"/>
        <source>Actual size (Ctrl+1)</source>
        <translation>Originalgröße (Strg+1)</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="165"/>
        <source>≥ 85 %</source>
        <translation>≥ 85 %</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="166"/>
        <source>60–85 %</source>
        <translation>60–85 %</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="167"/>
        <source>&lt; 60 %</source>
        <translation>&lt; 60 %</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="168"/>
        <source>selected</source>
        <translation>ausgewählt</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="172"/>
        <source>Drag to select words · wheel to zoom · middle button or Space+drag to pan</source>
        <translation>Ziehen wählt Wörter · Mausrad zoomt · mittlere Taste oder Leertaste+Ziehen verschiebt</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="184"/>
        <source>Recognised text</source>
        <translation>Erkannter Text</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="185"/>
        <source>The recognised text appears here.</source>
        <translation>Der erkannte Text erscheint hier.</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="192"/>
        <source>Copy selection</source>
        <translation>Auswahl kopieren</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="193"/>
        <source>Copy the words selected in the image</source>
        <translation>Die im Bild ausgewählten Wörter kopieren</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="195"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="196"/>
        <source>Copy all text (Ctrl+Shift+C)</source>
        <translation>Gesamten Text kopieren (Strg+Umschalt+C)</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="197"/>
        <location filename="../app/gui/result_view.py" line="244"/>
        <source>Copy all text</source>
        <translation>Gesamten Text kopieren</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="209"/>
        <source>Re-run with</source>
        <translation>Neu erkennen mit</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="212"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="213"/>
        <source>Language packs, e.g. eng or eng+deu</source>
        <translation>Sprachpakete, z. B. eng oder eng+deu</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="216"/>
        <source>Page segmentation</source>
        <translation>Seitensegmentierung</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="219"/>
        <source>Detect &amp;orientation</source>
        <translation>&amp;Ausrichtung erkennen</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="220"/>
        <source>&amp;Re-run</source>
        <translation>&amp;Neu erkennen</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="221"/>
        <source>Re-run this job with these options</source>
        <translation>Diesen Auftrag mit diesen Optionen neu erkennen</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="271"/>
        <source>No job selected</source>
        <translation>Kein Auftrag ausgewählt</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="283"/>
        <source>This job failed: %s</source>
        <translation>Dieser Auftrag ist fehlgeschlagen: %s</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="300"/>
        <source>Cannot read the stored result: %s</source>
        <translation>Das gespeicherte Ergebnis ist nicht lesbar: %s</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="315"/>
        <source>cached</source>
        <translation>aus dem Speicher</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="345"/>
        <source>1 word</source>
        <translation>1 Wort</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="345"/>
        <source>%1 words</source>
        <translation>%1 Wörter</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="349"/>
        <source>mean confidence %1 %</source>
        <translation>mittlere Konfidenz %1 %</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="353"/>
        <source>%1 below threshold</source>
        <translation>%1 unter der Schwelle</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="355"/>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="395"/>
        <source>Copied 1 word</source>
        <translation>1 Wort kopiert</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="396"/>
        <source>Copied %1 words</source>
        <translation>%1 Wörter kopiert</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="406"/>
        <source>Copied the selected words</source>
        <translation>Ausgewählte Wörter kopiert</translation>
    </message>
    <message>
        <location filename="../app/gui/result_view.py" line="410"/>
        <source>Copied all text</source>
        <translation>Gesamter Text kopiert</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="78"/>
        <source>Settings — ImageHQ OCR</source>
        <translation>Einstellungen — ImageHQ OCR</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="83"/>
        <source>Recognition</source>
        <translation>Erkennung</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="86"/>
        <source>Languages</source>
        <translation>Sprachen</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="95"/>
        <source>&amp;Languages:</source>
        <translation>&amp;Sprachen:</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="100"/>
        <source>Several languages slow recognition down. Missing one? Install its pack, e.g.</source>
        <translation>Mehrere Sprachen verlangsamen die Erkennung. Fehlt eine? Installieren Sie ihr Paket, z. B.</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="107"/>
        <source>Detect and correct &amp;orientation</source>
        <translation>&amp;Ausrichtung erkennen und korrigieren</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="110"/>
        <source>Needs the osd pack: %s</source>
        <translation>Benötigt das osd-Paket: %s</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="113"/>
        <source>Page segmentation</source>
        <translation>Seitensegmentierung</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="117"/>
        <source>Page &amp;segmentation:</source>
        <translation>Seiten&amp;segmentierung:</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="121"/>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="125"/>
        <source> hours</source>
        <translation> Stunden</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="127"/>
        <source>Keep results for</source>
        <translation>Ergebnisse behalten für</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="128"/>
        <source>&amp;Keep results for:</source>
        <translation>Ergebnisse &amp;behalten für:</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="130"/>
        <source>Capture hotkey</source>
        <translation>Tastenkürzel für Aufnahme</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="131"/>
        <source>Capture &amp;hotkey:</source>
        <translation>&amp;Tastenkürzel für Aufnahme:</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="132"/>
        <source>Closing the window keeps ImageHQ OCR in the &amp;tray</source>
        <translation>Beim Schließen des Fensters bleibt ImageHQ OCR im &amp;Infobereich</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="136"/>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="138"/>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="139"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="140"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="144"/>
        <source>The&amp;me:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="148"/>
        <source>Local API</source>
        <translation>Lokale API</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="150"/>
        <source>Start the local &amp;API (loopback only)</source>
        <translation>Lokale &amp;API starten (nur Loopback)</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="156"/>
        <source>API port</source>
        <translation>API-Port</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="157"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="163"/>
        <source>API token</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="166"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="173"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="174"/>
        <source>Copy the API token</source>
        <translation>API-Token kopieren</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="180"/>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="182"/>
        <source>Running at %s</source>
        <translation>Läuft unter %s</translation>
    </message>
    <message>
        <location filename="../app/gui/settings_dialog.py" line="183"/>
        <source>Not running</source>
        <translation>Läuft nicht</translation>
    </message>
</context>
</TS>
