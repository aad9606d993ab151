<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>ActionsPart</name>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>Abrir imágenes</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Pegar</translation>
    </message>
    <message>
        <source>Recognise the image or files on the clipboard</source>
        <translation>Reconocer la imagen o los archivos del portapapeles</translation>
    </message>
    <message>
        <source>&amp;Capture region</source>
        <translation>&amp;Capturar zona</translation>
    </message>
    <message>
        <source>Capture a screen region and recognise it</source>
        <translation>Capturar una zona de la pantalla y reconocerla</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>Save this result as txt, hOCR, JSON or TSV</source>
        <translation>Guardar este resultado como txt, hOCR, JSON o TSV</translation>
    </message>
    <message>
        <source>Export &amp;selected…</source>
        <translation>Exportar &amp;selección…</translation>
    </message>
    <message>
        <source>Export the selected jobs into a folder</source>
        <translation>Exportar los trabajos seleccionados a una carpeta</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>Run the selected jobs again</source>
        <translation>Volver a ejecutar los trabajos seleccionados</translation>
    </message>
    <message>
        <source>C&amp;ancel</source>
        <translation>C&amp;ancelar</translation>
    </message>
    <message>
        <source>Cancel the selected jobs</source>
        <translation>Cancelar los trabajos seleccionados</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Delete the selected jobs and their files</source>
        <translation>Eliminar los trabajos seleccionados y sus archivos</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Pre&amp;ferencias…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>Search the stored text</source>
        <translation>Buscar en el texto guardado</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>&amp;Trabajos</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About ImageHQ OCR</source>
        <translation>&amp;Acerca de ImageHQ OCR</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barra de herramientas principal</translation>
    </message>
    <message>
        <source>Search text and file names…</source>
        <translation>Buscar en el texto y los nombres de archivo…</translation>
    </message>
    <message>
        <source>Search jobs</source>
        <translation>Buscar trabajos</translation>
    </message>
</context>
<context>
    <name>CaptureController</name>
    <message>
        <source>%1: copied</source>
        <extracomment>An extract request carries the image (base64): this much at most.</extracomment>
        <translation>%1: copiado</translation>
    </message>
    <message>
        <source>No text found in the selected region</source>
        <translation>No se encontró texto en la zona seleccionada</translation>
    </message>
    <message>
        <source>%1: capture failed</source>
        <translation>%1: la captura ha fallado</translation>
    </message>
</context>
<context>
    <name>CaptureOverlay</name>
    <message>
        <source>keep the lines</source>
        <extracomment>how this capture&apos;s text goes on the clipboard; Tab switches it (the &quot;Captured text&quot; setting is where it starts)</extracomment>
        <translation>mantener las líneas</translation>
    </message>
    <message>
        <source>join lines into paragraphs</source>
        <translation>unir las líneas en párrafos</translation>
    </message>
    <message>
        <source>all on one line</source>
        <translation>todo en una línea</translation>
    </message>
</context>
<context>
    <name>DesktopIntegration</name>
    <message>
        <source>%1: hotkey not available</source>
        <extracomment>``--background`` at log-in: how long to wait for a tray that starts with the session, and how often to look, before the window shows instead.</extracomment>
        <translation>%1: atajo no disponible</translation>
    </message>
    <message>
        <source>%1: copied</source>
        <translation>%1: copiado</translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <source>Drop zone</source>
        <translation>Zona para soltar</translation>
    </message>
    <message>
        <source>Drop images here, paste with Ctrl+V, or capture a screen region</source>
        <translation>Suelte imágenes aquí, pegue con Ctrl+V o capture una zona de la pantalla</translation>
    </message>
    <message>
        <source>PNG, JPEG, WebP, TIFF, BMP, GIF and PDF · several files or whole folders at once · text stays on this computer</source>
        <translation>PNG, JPEG, WebP, TIFF, BMP, GIF y PDF · varios archivos o carpetas enteras a la vez · el texto no sale de este equipo</translation>
    </message>
    <message>
        <source>Open images…</source>
        <translation>Abrir imágenes…</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Pegar</translation>
    </message>
    <message>
        <source>Capture region</source>
        <translation>Capturar zona</translation>
    </message>
</context>
<context>
    <name>EditKeeper</name>
    <message>
        <source>Cannot keep the edited text: %s</source>
        <translation>No se puede conservar el texto editado: %s</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>Automatic engine</source>
        <extracomment>Where a hint may be cut: between its parts (&quot;Drag to select words · wheel to zoom · …&quot;).</extracomment>
        <translation>Motor automático</translation>
    </message>
    <message>
        <source>Tesseract (screens, documents)</source>
        <translation>Tesseract (pantallas, documentos)</translation>
    </message>
    <message>
        <source>PP-OCR (photos, receipts, labels)</source>
        <translation>PP-OCR (fotos, tiques, etiquetas)</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>canceled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>%1: %2, nothing to export</source>
        <translation>%1: %2, nada que exportar</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>Export %n job(s)</source>
        <translation>
            <numerusform>Exportar %n trabajo</numerusform>
            <numerusform>Exportar %n trabajos</numerusform>
        </translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation>C&amp;arpeta:</translation>
    </message>
    <message>
        <source>Export into folder</source>
        <translation>Exportar a la carpeta</translation>
    </message>
</context>
<context>
    <name>ExportPart</name>
    <message>
        <source>Select a finished job to export its result.</source>
        <translation>Seleccione un trabajo terminado para exportar su resultado.</translation>
    </message>
    <message>
        <source>Plain text (*.txt)</source>
        <translation>Texto sin formato (*.txt)</translation>
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
        <translation>PDF con texto (*.pdf)</translation>
    </message>
    <message>
        <source>ALTO XML (*.xml)</source>
        <translation>ALTO XML (*.xml)</translation>
    </message>
    <message>
        <source>Tables as CSV (*.csv)</source>
        <translation>Tablas en CSV (*.csv)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>Exportar resultado</translation>
    </message>
    <message>
        <source>Cannot save: %s</source>
        <translation>No se puede guardar: %s</translation>
    </message>
    <message>
        <source>Saved %s</source>
        <translation>Guardado %s</translation>
    </message>
    <message>
        <source>Select finished jobs to export.</source>
        <translation>Seleccione trabajos terminados para exportar.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Exported %1 file(s) to %2</source>
        <translation>%1 archivo(s) exportado(s) a %2</translation>
    </message>
    <message>
        <source>problems: %1 — </source>
        <translation>problemas: %1 — </translation>
    </message>
</context>
<context>
    <name>ImageActions</name>
    <message>
        <source>Recognise &amp;selection</source>
        <translation>Reconocer la &amp;selección</translation>
    </message>
    <message>
        <source>Drag a rectangle on the image, then recognise just that part as a new job</source>
        <translation>Arrastre un rectángulo sobre la imagen y reconozca solo esa parte como un trabajo nuevo</translation>
    </message>
    <message>
        <source>Rotate left</source>
        <translation>Girar a la izquierda</translation>
    </message>
    <message>
        <source>Rotate 90° left and recognise again</source>
        <translation>Girar 90° a la izquierda y reconocer de nuevo</translation>
    </message>
    <message>
        <source>Rotate right</source>
        <translation>Girar a la derecha</translation>
    </message>
    <message>
        <source>Rotate 90° right and recognise again</source>
        <translation>Girar 90° a la derecha y reconocer de nuevo</translation>
    </message>
</context>
<context>
    <name>Ingest</name>
    <message>
        <source>%1: no images in this folder</source>
        <extracomment>The reason an abandoned request&apos;s job is canceled with (as extract&apos;s own Ctrl+C gives).</extracomment>
        <translation>%1: no hay imágenes en esta carpeta</translation>
    </message>
    <message>
        <source>%1: not found</source>
        <translation>%1: no encontrado</translation>
    </message>
    <message>
        <source>only the first %1 of %2 images were added</source>
        <translation>solo se añadieron las primeras %1 de %2 imágenes</translation>
    </message>
    <message>
        <source>The queue is full (%1); try again when some jobs are done</source>
        <translation>La cola está llena (%1); vuelva a intentarlo cuando terminen algunos trabajos</translation>
    </message>
    <message>
        <source>Could not add an item: %1</source>
        <translation>No se pudo añadir un elemento: %1</translation>
    </message>
</context>
<context>
    <name>InputPart</name>
    <message>
        <source>Only local files or image data can be added; save the image from the browser first.</source>
        <translation>Solo se pueden añadir archivos locales o datos de imagen; guarde primero la imagen desde el navegador.</translation>
    </message>
    <message>
        <source>Nothing to recognise there: drop image files, folders or image data.</source>
        <translation>Nada que reconocer: suelte archivos de imagen, carpetas o datos de imagen.</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>Añadiendo…</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>Abrir imágenes</translation>
    </message>
    <message>
        <source>The clipboard holds no image or image files</source>
        <translation>El portapapeles no contiene ninguna imagen ni archivos de imagen</translation>
    </message>
    <message>
        <source>Images and PDFs (%s);;All files (*)</source>
        <translation>Imágenes y PDF (%s);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>JobTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confianza</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>No text found</source>
        <translation>No se encontró texto</translation>
    </message>
    <message>
        <source>Done (cached)</source>
        <translation>Terminado (en caché)</translation>
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
        <translation>Cola: 1 trabajo</translation>
    </message>
    <message>
        <source>Queue: %1 jobs</source>
        <translation>Cola: %1 trabajos</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Inactivo</translation>
    </message>
    <message>
        <source>That job is gone (expired or deleted).</source>
        <translation>Ese trabajo ya no existe (caducado o eliminado).</translation>
    </message>
    <message>
        <source>The queue is full; try again when some jobs are done.</source>
        <translation>La cola está llena; vuelva a intentarlo cuando terminen algunos trabajos.</translation>
    </message>
    <message>
        <source>Cannot read the stored input: %s</source>
        <translation>No se puede leer la imagen guardada: %s</translation>
    </message>
    <message>
        <source>Could not make the new job: %s</source>
        <translation>No se pudo crear el trabajo nuevo: %s</translation>
    </message>
    <message>
        <source>Deleted 1 job</source>
        <translation>1 trabajo eliminado</translation>
    </message>
    <message>
        <source>Deleted %1 jobs</source>
        <translation>%1 trabajos eliminados</translation>
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
        <translation>API: desactivada</translation>
    </message>
    <message>
        <source>About ImageHQ OCR</source>
        <translation>Acerca de ImageHQ OCR</translation>
    </message>
    <message>
        <source>&lt;b&gt;ImageHQ OCR&lt;/b&gt; %1&lt;br&gt;Text from screenshots, scans and photos, recognised on this computer.&lt;br&gt;%2</source>
        <translation>&lt;b&gt;ImageHQ OCR&lt;/b&gt; %1&lt;br&gt;Texto de capturas de pantalla, escaneos y fotos, reconocido en este equipo.&lt;br&gt;%2</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Procesando</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>The image cannot be read (empty, damaged or truncated)</source>
        <translation>No se puede leer la imagen (vacía, dañada o truncada)</translation>
    </message>
    <message>
        <source>Not a supported image (expected PNG, JPEG, WebP, TIFF, BMP, GIF or PDF)</source>
        <translation>Formato de imagen no admitido (se esperaba PNG, JPEG, WebP, TIFF, BMP, GIF o PDF)</translation>
    </message>
    <message>
        <source>The image is too large to recognise</source>
        <translation>La imagen es demasiado grande para reconocerla</translation>
    </message>
    <message>
        <source>The file is over the size limit</source>
        <translation>El archivo supera el tamaño máximo</translation>
    </message>
    <message>
        <source>These recognition settings cannot be used</source>
        <translation>Estos ajustes de reconocimiento no se pueden usar</translation>
    </message>
    <message>
        <source>The language pack for this language is not installed</source>
        <translation>El paquete de idioma para este idioma no está instalado</translation>
    </message>
    <message>
        <source>The OCR engine failed or is not installed</source>
        <translation>El motor OCR ha fallado o no está instalado</translation>
    </message>
    <message>
        <source>Recognition took too long and was stopped</source>
        <translation>El reconocimiento tardó demasiado y se detuvo</translation>
    </message>
    <message>
        <source>The request cannot be carried out</source>
        <translation>No se puede llevar a cabo la solicitud</translation>
    </message>
    <message>
        <source>The result cannot be saved: the data folder is not usable</source>
        <translation>No se puede guardar el resultado: la carpeta de datos no se puede usar</translation>
    </message>
    <message>
        <source>The result cannot be saved: the disk is full</source>
        <translation>No se puede guardar el resultado: el disco está lleno</translation>
    </message>
    <message>
        <source>Interrupted, and its input files are gone</source>
        <translation>Interrumpido, y sus archivos de entrada ya no existen</translation>
    </message>
    <message>
        <source>An internal error stopped this job</source>
        <translation>Un error interno detuvo este trabajo</translation>
    </message>
    <message>
        <source>The file is empty (0 bytes)</source>
        <translation>El archivo está vacío (0 bytes)</translation>
    </message>
    <message>
        <source>The image file is truncated or damaged</source>
        <translation>El archivo de imagen está truncado o dañado</translation>
    </message>
    <message>
        <source>The image has no pixels</source>
        <translation>La imagen no tiene píxeles</translation>
    </message>
    <message>
        <source>The file does not exist</source>
        <translation>El archivo no existe</translation>
    </message>
    <message>
        <source>This is a folder, not an image</source>
        <translation>Es una carpeta, no una imagen</translation>
    </message>
    <message>
        <source>All %1 images failed: %2</source>
        <translation>Las %1 imágenes fallaron: %2</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Alemán</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Francés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italiano</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Portugués</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Neerlandés</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>Polaco</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Ruso</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>Turco</translation>
    </message>
    <message>
        <source>Chinese (simplified)</source>
        <translation>Chino (simplificado)</translation>
    </message>
    <message>
        <source>Chinese (traditional)</source>
        <translation>Chino (tradicional)</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>Japonés</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>Coreano</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>Árabe</translation>
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
        <translation>No se encontró texto</translation>
    </message>
    <message>
        <source>What may help:</source>
        <translation>Qué puede ayudar:</translation>
    </message>
    <message>
        <source>Try %1</source>
        <translation>Probar %1</translation>
    </message>
    <message>
        <source>Sparse text</source>
        <translation>Texto disperso</translation>
    </message>
    <message>
        <source>Detect orientation</source>
        <translation>Detectar la orientación</translation>
    </message>
</context>
<context>
    <name>OverlayView</name>
    <message>
        <source>Image with recognised boxes</source>
        <translation>Imagen con los recuadros reconocidos</translation>
    </message>
</context>
<context>
    <name>PageSegmentation</name>
    <message>
        <source>Automatic layout</source>
        <translation>Diseño automático</translation>
    </message>
    <message>
        <source>Single column (terminals, code)</source>
        <translation>Una sola columna (terminales, código)</translation>
    </message>
    <message>
        <source>Single block of text</source>
        <translation>Un solo bloque de texto</translation>
    </message>
    <message>
        <source>Single line</source>
        <translation>Una sola línea</translation>
    </message>
    <message>
        <source>Sparse text</source>
        <translation>Texto disperso</translation>
    </message>
</context>
<context>
    <name>PageSwitcher</name>
    <message>
        <source>Previous page (Ctrl+Page Up)</source>
        <translation>Página anterior (Ctrl+RePág)</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Página anterior</translation>
    </message>
    <message>
        <source>Next page (Ctrl+Page Down)</source>
        <translation>Página siguiente (Ctrl+AvPág)</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Página siguiente</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
</context>
<context>
    <name>PaneToggles</name>
    <message>
        <source>&amp;Job list</source>
        <translation>Lista de &amp;trabajos</translation>
    </message>
    <message>
        <source>&amp;Image</source>
        <translation>&amp;Imagen</translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation>Te&amp;xto</translation>
    </message>
</context>
<context>
    <name>PanesPart</name>
    <message>
        <source>Jobs</source>
        <translation>Trabajos</translation>
    </message>
    <message>
        <source>Hits in watched folders</source>
        <translation>Resultados en carpetas vigiladas</translation>
    </message>
    <message>
        <source>Double-click to open the image as a job</source>
        <translation>Doble clic para abrir la imagen como tarea</translation>
    </message>
    <message>
        <source>no OCR engine</source>
        <translation>ningún motor OCR</translation>
    </message>
    <message>
        <source>OCR engine missing: %s</source>
        <translation>Falta el motor OCR: %s</translation>
    </message>
</context>
<context>
    <name>PdfText</name>
    <message>
        <source>PDF text layer where there is one</source>
        <translation>Capa de texto del PDF donde la haya</translation>
    </message>
    <message>
        <source>Always recognise PDF pages</source>
        <translation>Reconocer siempre las páginas PDF</translation>
    </message>
    <message>
        <source>Only the PDF text layer</source>
        <translation>Solo la capa de texto del PDF</translation>
    </message>
</context>
<context>
    <name>ProgressDelegate</name>
    <message>
        <source>queued</source>
        <translation>en cola</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>leyendo…</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>Merchant</source>
        <extracomment>Each table can shrink to this height (the window&apos;s minimum size must not grow). Below this the panel scrolls.</extracomment>
        <translation>Comercio</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Date as printed</source>
        <translation>Fecha tal como aparece</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Impuestos</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Pago</translation>
    </message>
</context>
<context>
    <name>ReceiptPanel</name>
    <message>
        <source>Receipt fields</source>
        <translation>Campos del tique</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Receipt items</source>
        <translation>Artículos del tique</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Cant.</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Precio unitario</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>&amp;Parse as receipt</source>
        <translation>&amp;Analizar como tique</translation>
    </message>
    <message>
        <source>Read merchant, date, total and items from this text</source>
        <translation>Leer el comercio, la fecha, el total y los artículos de este texto</translation>
    </message>
    <message>
        <source>Copy &amp;JSON</source>
        <translation>Copiar &amp;JSON</translation>
    </message>
    <message>
        <source>Copy C&amp;SV</source>
        <translation>Copiar C&amp;SV</translation>
    </message>
    <message>
        <source>Copy the items as CSV</source>
        <translation>Copiar los artículos como CSV</translation>
    </message>
    <message>
        <source>confidence %1 %</source>
        <translation>confianza %1 %</translation>
    </message>
    <message>
        <source>not found on the receipt</source>
        <translation>no aparece en el tique</translation>
    </message>
    <message>
        <source>Not parsed as a receipt yet.</source>
        <translation>Aún no se ha analizado como tique.</translation>
    </message>
    <message>
        <source>No result to parse.</source>
        <translation>No hay ningún resultado que analizar.</translation>
    </message>
    <message>
        <source>Click a row to see where it was read; double-click to edit.</source>
        <translation>Haga clic en una fila para ver dónde se leyó; doble clic para editarla.</translation>
    </message>
    <message>
        <source>Copied the receipt as JSON</source>
        <translation>Tique copiado como JSON</translation>
    </message>
    <message>
        <source>Copied the receipt items as CSV</source>
        <translation>Artículos del tique copiados como CSV</translation>
    </message>
    <message>
        <source>Te&amp;xt</source>
        <translation>Te&amp;xto</translation>
    </message>
    <message>
        <source>Rec&amp;eipt</source>
        <translation>Tiqu&amp;e</translation>
    </message>
</context>
<context>
    <name>ResultLayoutPart</name>
    <message>
        <source>&amp;Words</source>
        <translation>&amp;Palabras</translation>
    </message>
    <message>
        <source>&amp;Lines</source>
        <translation>&amp;Líneas</translation>
    </message>
    <message>
        <source>&amp;Blocks</source>
        <translation>&amp;Bloques</translation>
    </message>
    <message>
        <source>Show %s boxes</source>
        <translation>Mostrar recuadros: %s</translation>
    </message>
    <message>
        <source>Highlight below</source>
        <translation>Resaltar por debajo de</translation>
    </message>
    <message>
        <source>Low-confidence threshold</source>
        <translation>Umbral de confianza baja</translation>
    </message>
    <message>
        <source>Words below this confidence are highlighted in red</source>
        <translation>Las palabras por debajo de esta confianza se resaltan en rojo</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <source>Fit to window (Ctrl+0)</source>
        <translation>Ajustar a la ventana (Ctrl+0)</translation>
    </message>
    <message>
        <source>Actual size (Ctrl+1)</source>
        <translation>Tamaño real (Ctrl+1)</translation>
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
        <translation>seleccionado</translation>
    </message>
    <message>
        <source>Drag to select words · wheel to zoom · middle button or Space+drag to pan</source>
        <translation>Arrastre para seleccionar palabras · rueda para ampliar · botón central o Espacio+arrastrar para desplazar</translation>
    </message>
    <message>
        <source>Recognised text</source>
        <translation>Texto reconocido</translation>
    </message>
    <message>
        <source>The recognised text appears here.</source>
        <translation>El texto reconocido aparece aquí.</translation>
    </message>
    <message>
        <source>Copy selection</source>
        <translation>Copiar selección</translation>
    </message>
    <message>
        <source>Copy the words selected in the image</source>
        <translation>Copiar las palabras seleccionadas en la imagen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Copy all text (Ctrl+Shift+C)</source>
        <translation>Copiar todo el texto (Ctrl+Mayús+C)</translation>
    </message>
    <message>
        <source>Copy all text</source>
        <translation>Copiar todo el texto</translation>
    </message>
    <message>
        <source>Copy as &amp;table</source>
        <translation>Copiar como &amp;tabla</translation>
    </message>
    <message>
        <source>Copy the tables in the image, for a spreadsheet or a document</source>
        <translation>Copiar las tablas de la imagen, para una hoja de cálculo o un documento</translation>
    </message>
    <message>
        <source>Revert to OCR text</source>
        <translation>Volver al texto OCR</translation>
    </message>
    <message>
        <source>Discard your edits and show the recognised text</source>
        <translation>Descartar sus cambios y mostrar el texto reconocido</translation>
    </message>
    <message>
        <source>Re-run with</source>
        <translation>Volver a ejecutar con</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Language packs, e.g. eng or eng+deu</source>
        <translation>Paquetes de idioma, p. ej. eng o eng+deu</translation>
    </message>
    <message>
        <source>Page segmentation</source>
        <translation>Segmentación de página</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Motor</translation>
    </message>
    <message>
        <source>Detect &amp;orientation</source>
        <translation>Detectar &amp;orientación</translation>
    </message>
    <message>
        <source>Barco&amp;des</source>
        <translation>Có&amp;digos de barras</translation>
    </message>
    <message>
        <source>Read barcodes and QR codes too</source>
        <translation>Leer también códigos de barras y códigos QR</translation>
    </message>
    <message>
        <source>PDF text layer</source>
        <translation>Capa de texto del PDF</translation>
    </message>
    <message>
        <source>&amp;Re-run</source>
        <translation>&amp;Volver a ejecutar</translation>
    </message>
    <message>
        <source>Re-run this job with these options</source>
        <translation>Volver a ejecutar este trabajo con estas opciones</translation>
    </message>
</context>
<context>
    <name>ResultTextPart</name>
    <message>
        <source>Reverted to the recognised text</source>
        <translation>Se restauró el texto reconocido</translation>
    </message>
    <message>
        <source>1 word</source>
        <translation>1 palabra</translation>
    </message>
    <message>
        <source>%1 words</source>
        <translation>%1 palabras</translation>
    </message>
    <message>
        <source>mean confidence %1 %</source>
        <translation>confianza media %1 %</translation>
    </message>
    <message>
        <source>%1 below threshold</source>
        <translation>%1 por debajo del umbral</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>editado</translation>
    </message>
    <message>
        <source>Copied 1 word</source>
        <translation>1 palabra copiada</translation>
    </message>
    <message>
        <source>Copied %1 words</source>
        <translation>%1 palabras copiadas</translation>
    </message>
    <message>
        <source>Copied the selected words</source>
        <translation>Palabras seleccionadas copiadas</translation>
    </message>
    <message>
        <source>Copied all text</source>
        <translation>Todo el texto copiado</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <source>No job selected</source>
        <translation>Ningún trabajo seleccionado</translation>
    </message>
    <message>
        <source>This job failed: %1</source>
        <translation>Este trabajo ha fallado: %1</translation>
    </message>
    <message>
        <source>This image cannot be read: running it again cannot help</source>
        <translation>Esta imagen no se puede leer: volver a ejecutarlo no servirá de nada</translation>
    </message>
    <message>
        <source>Cannot read the stored result: %s</source>
        <translation>No se puede leer el resultado guardado: %s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>cached</source>
        <translation>en caché</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings — ImageHQ OCR</source>
        <translation>Preferencias — ImageHQ OCR</translation>
    </message>
    <message>
        <source>Recognition</source>
        <translation>Reconocimiento</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>&amp;Languages:</source>
        <translation>&amp;Idiomas:</translation>
    </message>
    <message>
        <source>Several languages slow recognition down. Missing one? Install its pack, e.g.</source>
        <translation>Varios idiomas ralentizan el reconocimiento. ¿Falta alguno? Instale su paquete, p. ej.</translation>
    </message>
    <message>
        <source>Detect and correct &amp;orientation</source>
        <translation>Detectar y corregir la &amp;orientación</translation>
    </message>
    <message>
        <source>Needs the osd pack: %s</source>
        <translation>Necesita el paquete osd: %s</translation>
    </message>
    <message>
        <source>Page segmentation</source>
        <translation>Segmentación de página</translation>
    </message>
    <message>
        <source>Page &amp;segmentation:</source>
        <translation>&amp;Segmentación de página:</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Motor</translation>
    </message>
    <message>
        <source>Automatic: Tesseract for screenshots and documents, PP-OCR for photos, receipts and labels</source>
        <translation>Automático: Tesseract para capturas de pantalla y documentos, PP-OCR para fotos, tiques y etiquetas</translation>
    </message>
    <message>
        <source>&amp;Engine:</source>
        <translation>&amp;Motor:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> horas</translation>
    </message>
    <message>
        <source>Keep results for</source>
        <translation>Conservar los resultados durante</translation>
    </message>
    <message>
        <source>&amp;Keep results for:</source>
        <translation>&amp;Conservar los resultados durante:</translation>
    </message>
    <message>
        <source>Capture hotkey</source>
        <translation>Atajo de captura</translation>
    </message>
    <message>
        <source>Capture &amp;hotkey:</source>
        <translation>A&amp;tajo de captura:</translation>
    </message>
    <message>
        <source>Closing the window keeps ImageHQ OCR in the &amp;tray</source>
        <translation>Al cerrar la ventana, ImageHQ OCR sigue en la &amp;bandeja del sistema</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Seguir al sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>The&amp;me:</source>
        <translation>Te&amp;ma:</translation>
    </message>
    <message>
        <source>Local API</source>
        <translation>API local</translation>
    </message>
    <message>
        <source>Start the local &amp;API (loopback only)</source>
        <translation>Iniciar la &amp;API local (solo bucle local)</translation>
    </message>
    <message>
        <source>API port</source>
        <translation>Puerto de la API</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>Token de la API</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the API token</source>
        <translation>Copiar el token de la API</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>Running at %s</source>
        <translation>En ejecución en %s</translation>
    </message>
    <message>
        <source>Not running</source>
        <translation>Detenida</translation>
    </message>
    <message>
        <source>Captured text</source>
        <translation>Texto capturado</translation>
    </message>
    <message>
        <source>Ca&amp;ptured text:</source>
        <translation>Te&amp;xto capturado:</translation>
    </message>
    <message>
        <source>Copied and exported text</source>
        <translation>Texto copiado y exportado</translation>
    </message>
    <message>
        <source>Copied and e&amp;xported text:</source>
        <translation>Texto copiado y e&amp;xportado:</translation>
    </message>
    <message>
        <source>Keep the lines</source>
        <translation>Mantener las líneas</translation>
    </message>
    <message>
        <source>Join lines into paragraphs</source>
        <translation>Unir las líneas en párrafos</translation>
    </message>
    <message>
        <source>All on one line</source>
        <translation>Todo en una línea</translation>
    </message>
    <message>
        <source>Watched folders</source>
        <translation>Carpetas vigiladas</translation>
    </message>
    <message>
        <source>Images in these folders are read in the background and found by the search box. Suggested: %s</source>
        <translation>Las imágenes de estas carpetas se leen en segundo plano y se encuentran con el cuadro de búsqueda. Sugerida: %s</translation>
    </message>
    <message>
        <source>Read &amp;barcodes and QR codes</source>
        <translation>Leer códigos de &amp;barras y códigos QR</translation>
    </message>
    <message>
        <source>PDF pages</source>
        <translation>Páginas PDF</translation>
    </message>
    <message>
        <source>P&amp;DF pages:</source>
        <translation>Páginas P&amp;DF:</translation>
    </message>
    <message>
        <source>Start ImageHQ OCR in the tray when I lo&amp;g in</source>
        <translation>Iniciar ImageHQ OCR en la bandeja al i&amp;niciar sesión</translation>
    </message>
    <message>
        <source>The capture hotkey works from the start, and the command line reads warm</source>
        <translation>El atajo de captura funciona desde el inicio, y la línea de comandos lee sin tiempo de arranque</translation>
    </message>
    <message>
        <source>Cannot change the start at log-in: %1</source>
        <translation>No se puede cambiar el inicio al iniciar sesión: %1</translation>
    </message>
</context>
<context>
    <name>TablesPart</name>
    <message>
        <source>Select a finished job to read its tables.</source>
        <translation>Seleccione un trabajo terminado para leer sus tablas.</translation>
    </message>
    <message>
        <source>That job is gone (expired or deleted).</source>
        <translation>Ese trabajo ya no existe (caducado o eliminado).</translation>
    </message>
    <message>
        <source>Cannot read the tables: %s</source>
        <translation>No se pueden leer las tablas: %s</translation>
    </message>
    <message>
        <source>Reading the tables…</source>
        <translation>Leyendo las tablas…</translation>
    </message>
    <message>
        <source>No table found (rows of two or more aligned cells).</source>
        <translation>No se encontró ninguna tabla (filas de dos o más celdas alineadas).</translation>
    </message>
    <message>
        <source>%1 rows × %2 columns</source>
        <translation>%1 filas × %2 columnas</translation>
    </message>
    <message>
        <source>Copied the table (%1)</source>
        <translation>Tabla copiada (%1)</translation>
    </message>
    <message>
        <source>Copied %1 tables</source>
        <translation>%1 tablas copiadas</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Capture region</source>
        <extracomment>index of the first word of each page (one entry for a one-page result)</extracomment>
        <translation>Capturar zona</translation>
    </message>
    <message>
        <source>Show window</source>
        <translation>Mostrar la ventana</translation>
    </message>
    <message>
        <source>Recent results (click to copy)</source>
        <translation>Resultados recientes (clic para copiar)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
</context>
<context>
    <name>TrayNotice</name>
    <message>
        <source>ImageHQ OCR is still running</source>
        <translation>ImageHQ OCR sigue en ejecución</translation>
    </message>
    <message>
        <source>Closing the window keeps ImageHQ OCR in the tray, so the capture hotkey still works. Quit from the tray menu or with Ctrl+Q; Settings can turn this off.</source>
        <translation>Al cerrar la ventana, ImageHQ OCR sigue en la bandeja del sistema para que el atajo de captura siga funcionando. Salga desde el menú de la bandeja o con Ctrl+Q; puede desactivarlo en la Configuración.</translation>
    </message>
</context>
<context>
    <name>WatchedFolders</name>
    <message>
        <source>Watched folders</source>
        <translation>Carpetas vigiladas</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Watch a folder</source>
        <translation>Vigilar una carpeta</translation>
    </message>
    <message>
        <source>A&amp;dd folder…</source>
        <translation>Añadir &amp;carpeta…</translation>
    </message>
</context>
<context>
    <name>WindowBase</name>
    <message>
        <source>1 job</source>
        <translation>1 trabajo</translation>
    </message>
    <message>
        <source>%1 jobs</source>
        <translation>%1 trabajos</translation>
    </message>
</context>
<context>
    <name>_ScreenOverlay</name>
    <message>
        <source>Drag to select · Esc to cancel</source>
        <translation>Arrastre para seleccionar · Esc para cancelar</translation>
    </message>
    <message>
        <source>Tab: %s</source>
        <translation>Tab: %s</translation>
    </message>
</context>
</TS>
