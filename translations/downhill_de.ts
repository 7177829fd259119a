<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ArrowLayer</name>
    <message>
        <source>velocity</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>off the map</source>
        <translation>außerhalb der Karte</translation>
    </message>
</context>
<context>
    <name>Figure</name>
    <message>
        <source>Cannot write &quot;%1&quot;: %2.</source>
        <translation>„%1“ kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>rendering failed</source>
        <translation>das Zeichnen ist fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>FrameFolder</name>
    <message>
        <source>Cannot write frames to &quot;%1&quot;: it is a file, not a folder.</source>
        <translation>Die Einzelbilder können nicht nach „%1“ geschrieben werden: das ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <source>Cannot write frames to &quot;%1&quot;: the folder holds other files (%2); choose an empty or new folder.</source>
        <translation>Die Einzelbilder können nicht nach „%1“ geschrieben werden: der Ordner enthält andere Dateien (%2); wählen Sie einen leeren oder neuen Ordner.</translation>
    </message>
    <message>
        <source>Cannot write frames to &quot;%1&quot;: cannot create the folder &quot;%2&quot;.</source>
        <translation>Die Einzelbilder können nicht nach „%1“ geschrieben werden: der Ordner „%2“ lässt sich nicht anlegen.</translation>
    </message>
    <message>
        <source>Cannot write frames to &quot;%1&quot;: cannot create a folder in &quot;%2&quot;.</source>
        <translation>Die Einzelbilder können nicht nach „%1“ geschrieben werden: in „%2“ lässt sich kein Ordner anlegen.</translation>
    </message>
    <message>
        <source>Cannot add a frame: the folder is not open.</source>
        <translation>Kein Einzelbild hinzuzufügen: der Ordner ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: %2.</source>
        <translation>„%1“ kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>the image could not be encoded (is the disk full?)</source>
        <translation>das Bild ließ sich nicht kodieren (ist der Datenträger voll?)</translation>
    </message>
    <message>
        <source>Cannot write frames: the folder is not open.</source>
        <translation>Die Einzelbilder können nicht geschrieben werden: der Ordner ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>Cannot write frames to &quot;%1&quot;: there are no frames to write.</source>
        <translation>Die Einzelbilder können nicht nach „%1“ geschrieben werden: es gibt keine Bilder zum Schreiben.</translation>
    </message>
    <message>
        <source>Cannot replace the folder &quot;%1&quot;.</source>
        <translation>Der Ordner „%1“ lässt sich nicht ersetzen.</translation>
    </message>
    <message>
        <source>Cannot move the frames into &quot;%1&quot;.</source>
        <translation>Die Einzelbilder lassen sich nicht nach „%1“ verschieben.</translation>
    </message>
</context>
<context>
    <name>GifWriter</name>
    <message>
        <source>Cannot write &quot;%1&quot;: %2.</source>
        <translation>„%1“ kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: there are no frames to write.</source>
        <translation>„%1“ kann nicht geschrieben werden: es gibt keine Bilder zum Schreiben.</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: a GIF frame must be 1 to 65535 pixels on each side.</source>
        <translation>„%1“ kann nicht geschrieben werden: ein GIF-Bild muss auf jeder Seite 1 bis 65535 Pixel groß sein.</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: the folder does not exist.</source>
        <translation>„%1“ kann nicht geschrieben werden: der Ordner existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: it is a folder.</source>
        <translation>„%1“ kann nicht geschrieben werden: das ist ein Ordner.</translation>
    </message>
    <message>
        <source>Cannot add a frame: the GIF is not open.</source>
        <translation>Kein Bild hinzuzufügen: das GIF ist nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Train continuously at the chosen speed, or pause</source>
        <translation>Im gewählten Tempo fortlaufend trainieren oder anhalten</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Take exactly one update (one batch)</source>
        <translation>Genau ein Update ausführen (ein Batch)</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Take updates until the current epoch ends (one pass over the training set)</source>
        <translation>Updates ausführen, bis die aktuelle Epoche endet (ein Durchgang durch die Trainingsdaten)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Go back one update, exactly: parameters, optimizer state, schedule and batch as they were</source>
        <translation>Genau ein Update zurückgehen: Parameter, Zustand des Optimierers, Zeitplan und Batch wie zuvor</translation>
    </message>
    <message>
        <source>Epoch back</source>
        <translation>Epoche zurück</translation>
    </message>
    <message>
        <source>Go back to the start of this epoch (or of the one before, when at its start)</source>
        <translation>Zum Anfang dieser Epoche zurückgehen (oder der vorigen, wenn sie gerade beginnt)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Go back to the starting point: step 0, fresh optimizer state</source>
        <translation>Zurück zum Startpunkt: Schritt 0, frischer Zustand des Optimierers</translation>
    </message>
    <message>
        <source>Open settings…</source>
        <translation>Einstellungen öffnen…</translation>
    </message>
    <message>
        <source>Load every setting from a JSON file</source>
        <translation>Alle Einstellungen aus einer JSON-Datei laden</translation>
    </message>
    <message>
        <source>Save settings…</source>
        <translation>Einstellungen speichern…</translation>
    </message>
    <message>
        <source>Save every setting to a JSON file</source>
        <translation>Alle Einstellungen in einer JSON-Datei speichern</translation>
    </message>
    <message>
        <source>Save run…</source>
        <translation>Lauf speichern…</translation>
    </message>
    <message>
        <source>Save the whole run (settings, start and every change of settings) so that it can be reopened and replayed exactly</source>
        <translation>Den ganzen Lauf speichern (Einstellungen, Start und jede Änderung der Einstellungen), damit er sich wieder öffnen und genau nachspielen lässt</translation>
    </message>
    <message>
        <source>Open run…</source>
        <translation>Lauf öffnen…</translation>
    </message>
    <message>
        <source>Reopen a saved run: it is replayed step for step to where it was saved</source>
        <translation>Einen gespeicherten Lauf wieder öffnen: er wird Schritt für Schritt bis dorthin nachgespielt, wo er gespeichert wurde</translation>
    </message>
    <message>
        <source>Open data file (CSV)…</source>
        <translation>Datendatei öffnen (CSV)…</translation>
    </message>
    <message>
        <source>Train on a CSV file with columns x and count</source>
        <translation>Mit einer CSV-Datei mit den Spalten x und count trainieren</translation>
    </message>
    <message>
        <source>Open image folder…</source>
        <translation>Bilderordner öffnen…</translation>
    </message>
    <message>
        <source>Train on a folder of PNG images with a labels.csv (image,count)</source>
        <translation>Mit einem Ordner von PNG-Bildern und einer labels.csv (image,count) trainieren</translation>
    </message>
    <message>
        <source>Use built-in data</source>
        <translation>Eingebaute Daten verwenden</translation>
    </message>
    <message>
        <source>Go back to the built-in people-counting images</source>
        <translation>Zurück zu den eingebauten Bildern zum Personenzählen</translation>
    </message>
    <message>
        <source>Export landscape…</source>
        <translation>Landschaft exportieren…</translation>
    </message>
    <message>
        <source>Save the landscape plot as PNG, SVG or PDF</source>
        <translation>Die Landschaft als PNG, SVG oder PDF speichern</translation>
    </message>
    <message>
        <source>Export loss plot…</source>
        <translation>Verlustkurve exportieren…</translation>
    </message>
    <message>
        <source>Save the loss plot as PNG, SVG or PDF</source>
        <translation>Die Verlustkurve als PNG, SVG oder PDF speichern</translation>
    </message>
    <message>
        <source>Export path as CSV…</source>
        <translation>Pfad als CSV exportieren…</translation>
    </message>
    <message>
        <source>Save every recorded step (thinned evenly on very long runs) as CSV</source>
        <translation>Jeden aufgezeichneten Schritt als CSV speichern (bei sehr langen Läufen gleichmäßig ausgedünnt)</translation>
    </message>
    <message>
        <source>Export loss history as CSV…</source>
        <translation>Verlaufsdaten als CSV exportieren…</translation>
    </message>
    <message>
        <source>Save each epoch&apos;s training and validation loss as CSV</source>
        <translation>Trainings- und Validierungsverlust jeder Epoche als CSV speichern</translation>
    </message>
    <message>
        <source>Export animation…</source>
        <translation>Animation exportieren…</translation>
    </message>
    <message>
        <source>Save the run from step 0 to the timeline position as an animated GIF or numbered PNG frames, for slides</source>
        <translation>Den Lauf von Schritt 0 bis zur Position der Zeitleiste als animiertes GIF oder als nummerierte PNG-Bilder speichern, für Folien</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Close Downhill</source>
        <translation>Downhill schließen</translation>
    </message>
    <message>
        <source>Gradient field</source>
        <translation>Gradientenfeld</translation>
    </message>
    <message>
        <source>Show small arrows of minus the gradient all over the landscape</source>
        <translation>Kleine Pfeile des negativen Gradienten über die ganze Landschaft zeigen</translation>
    </message>
    <message>
        <source>Teaching captions</source>
        <translation>Erläuterungen</translation>
    </message>
    <message>
        <source>Show the short explanations beside and on the plots</source>
        <translation>Die kurzen Erklärungen neben und auf den Diagrammen zeigen</translation>
    </message>
    <message>
        <source>Log loss scale</source>
        <translation>Logarithmische Verlustachse</translation>
    </message>
    <message>
        <source>Logarithmic loss axis in the loss plot</source>
        <translation>Die Verlustachse der Verlustkurve logarithmisch teilen</translation>
    </message>
    <message>
        <source>Fit to path</source>
        <translation>Auf den Pfad zoomen</translation>
    </message>
    <message>
        <source>Zoom the landscape to the path so far</source>
        <translation>Die Landschaft auf den bisherigen Pfad zoomen</translation>
    </message>
    <message>
        <source>Fit to minimum</source>
        <translation>Auf das Minimum zoomen</translation>
    </message>
    <message>
        <source>Zoom the landscape around its lowest point</source>
        <translation>Die Landschaft um ihren tiefsten Punkt zoomen</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>Ansicht zurücksetzen</translation>
    </message>
    <message>
        <source>Show the start point and the minimum with a margin</source>
        <translation>Startpunkt und Minimum mit etwas Rand zeigen</translation>
    </message>
    <message>
        <source>About Downhill</source>
        <translation>Über Downhill</translation>
    </message>
    <message>
        <source>What Downhill is</source>
        <translation>Was Downhill ist</translation>
    </message>
    <message>
        <source>Presentation mode</source>
        <translation>Präsentationsmodus</translation>
    </message>
    <message>
        <source>Larger text and thicker lines for a projector; press again for the normal sizes</source>
        <translation>Größere Schrift und dickere Linien für den Beamer; noch einmal drücken für die normalen Größen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>List the keys</source>
        <translation>Die Tasten auflisten</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Benutzerhandbuch</translation>
    </message>
    <message>
        <source>The window, the lessons and what is behind them, explained (docs/user-guide.md)</source>
        <translation>Das Fenster, die Lektionen und was dahintersteckt, erklärt (docs/user-guide.md, auf Englisch)</translation>
    </message>
    <message>
        <source>&lt;table&gt;%1&lt;/table&gt;&lt;p&gt;On the landscape: click or drag to set the start point, scroll to zoom, drag with the right button to pan.&lt;/p&gt;</source>
        <translation>&lt;table&gt;%1&lt;/table&gt;&lt;p&gt;Auf der Landschaft: klicken oder ziehen setzt den Startpunkt, das Mausrad zoomt, Ziehen mit der rechten Maustaste verschiebt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Undo reset</source>
        <translation>Zurücksetzen rückgängig machen</translation>
    </message>
    <message>
        <source>Bring back the run as it was before the last Reset, every step of it (Back works again)</source>
        <translation>Den Lauf so zurückholen, wie er vor dem letzten Zurücksetzen war, mit jedem Schritt (Zurück funktioniert wieder)</translation>
    </message>
</context>
<context>
    <name>MapLayer</name>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>updating landscape…</source>
        <translation>Landschaft wird berechnet…</translation>
    </message>
    <message>
        <source>loss (log scale)</source>
        <translation>Verlust (logarithmisch)</translation>
    </message>
    <message>
        <source>grid min %1</source>
        <translation>Gitter-Min. %1</translation>
    </message>
    <message>
        <source>log loss</source>
        <translation>log. Verlust</translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <source>Cannot export to &quot;%1&quot;: unknown file type; use .png, .svg or .pdf.</source>
        <translation>Export nach „%1“ nicht möglich: unbekannter Dateityp; verwenden Sie .png, .svg oder .pdf.</translation>
    </message>
    <message>
        <source>Cannot export to &quot;%1&quot;: the folder does not exist.</source>
        <translation>Export nach „%1“ nicht möglich: der Ordner existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: %2.</source>
        <translation>„%1“ kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>rendering failed</source>
        <translation>das Zeichnen ist fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>ProblemLoader</name>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Opening data</source>
        <translation>Daten öffnen</translation>
    </message>
</context>
<context>
    <name>RunAnimation</name>
    <message>
        <source>%1 — diverged at step %2</source>
        <translation>%1 — divergiert bei Schritt %2</translation>
    </message>
    <message>
        <source>%1 — diverged</source>
        <translation>%1 — divergiert</translation>
    </message>
    <message>
        <source>%1 · step %2</source>
        <translation>%1 · Schritt %2</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: there are no frames to write.</source>
        <translation>„%1“ kann nicht geschrieben werden: es gibt keine Bilder zum Schreiben.</translation>
    </message>
</context>
<context>
    <name>TeachingText</name>
    <message>
        <source>constant</source>
        <translation>konstant</translation>
    </message>
    <message>
        <source>×%1 every step</source>
        <translation>×%1 bei jedem Schritt</translation>
    </message>
    <message>
        <source>×%1 every %2 steps</source>
        <translation>×%1 alle %2 Schritte</translation>
    </message>
    <message>
        <source>a half cosine over %1 steps</source>
        <translation>ein halber Kosinus über %1 Schritte</translation>
    </message>
    <message>
        <source>cosine restarting after %1 steps</source>
        <translation>Kosinus, der nach %1 Schritten neu beginnt</translation>
    </message>
    <message>
        <source>alpha</source>
        <translation>alpha</translation>
    </message>
    <message>
        <source>beta</source>
        <translation>beta</translation>
    </message>
    <message>
        <source>&lt;b&gt;The landscape&lt;/b&gt; is the function %1 itself; darker is lower.</source>
        <translation>&lt;b&gt;Die Landschaft&lt;/b&gt; ist die Funktion %1 selbst; dunkler heißt tiefer.</translation>
    </message>
    <message>
        <source>A curved canyon with a flat floor: the gradient points down the steep walls, not along the floor to the minimum at (1, 1).</source>
        <translation>Eine gekrümmte Schlucht mit flacher Sohle: der Gradient zeigt die steilen Wände hinab, nicht entlang der Sohle zum Minimum bei (1, 1).</translation>
    </message>
    <message>
        <source>Four minima of equal height: where the run ends depends on where it starts. Click elsewhere to try.</source>
        <translation>Vier gleich tiefe Minima: wo der Lauf endet, hängt davon ab, wo er beginnt. Klicken Sie woanders hin und probieren Sie es aus.</translation>
    </message>
    <message>
        <source>Flat plateaus and sharp ridges: the gradient is tiny on one and huge on the other.</source>
        <translation>Flache Hochebenen und scharfe Grate: auf den einen ist der Gradient winzig, auf den anderen riesig.</translation>
    </message>
    <message>
        <source>A saddle point at (0, 0): uphill along x, downhill along y. The gradient vanishes there although it is no minimum.</source>
        <translation>Ein Sattelpunkt bei (0, 0): entlang x geht es bergauf, entlang y bergab. Der Gradient verschwindet dort, obwohl es kein Minimum ist.</translation>
    </message>
    <message>
        <source>50 times steeper across the canyon than along it: a rate large enough to move along it makes the run zig-zag across.</source>
        <translation>Quer zur Schlucht 50-mal steiler als entlang: eine Lernrate, die groß genug ist, um entlang voranzukommen, lässt den Lauf quer hin und her springen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The landscape&lt;/b&gt; is the mean loss on the training set over %1 and %2; darker is lower, lines join equal loss.</source>
        <translation>&lt;b&gt;Die Landschaft&lt;/b&gt; ist der mittlere Verlust auf den Trainingsdaten über %1 und %2; dunkler heißt tiefer, Linien verbinden gleichen Verlust.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The landscape&lt;/b&gt; is the mean loss on the current batch only (the samples of the last step) over %1 and %2, redrawn at every step. Each step goes downhill on its own batch&apos;s landscape, and the landscapes differ from batch to batch: that is why small batches zig-zag. The training set&apos;s landscape is their average.</source>
        <translation>&lt;b&gt;Die Landschaft&lt;/b&gt; ist der mittlere Verlust nur auf dem aktuellen Batch (den Beispielen des letzten Schritts) über %1 und %2, bei jedem Schritt neu gezeichnet. Jeder Schritt geht auf der Landschaft seines eigenen Batches bergab, und die Landschaften unterscheiden sich von Batch zu Batch: darum laufen kleine Batches im Zickzack. Die Landschaft der Trainingsdaten ist ihr Mittel.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The landscape&lt;/b&gt; is the mean loss on the validation set over %1 and %2: samples training never sees. Training descends the training loss, not this one; its minimum is where the model does best on new data.</source>
        <translation>&lt;b&gt;Die Landschaft&lt;/b&gt; ist der mittlere Verlust auf den Validierungsdaten über %1 und %2: Beispiele, die das Training nie sieht. Das Training steigt den Trainingsverlust hinab, nicht diesen; sein Minimum liegt dort, wo das Modell auf neuen Daten am besten ist.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Left&lt;/b&gt;: the mean loss on the training set; &lt;b&gt;right&lt;/b&gt;: on the validation set, over %1 and %2, with the same path. A filled star marks each landscape&apos;s own minimum, a hollow star the other&apos;s. With few training samples the two minima drift apart: training heads for the left one, but the right one is what counts on new data. That gap is overfitting.</source>
        <translation>&lt;b&gt;Links&lt;/b&gt;: der mittlere Verlust auf den Trainingsdaten; &lt;b&gt;rechts&lt;/b&gt;: auf den Validierungsdaten, über %1 und %2, mit demselben Pfad. Ein gefüllter Stern markiert das eigene Minimum jeder Landschaft, ein hohler das der anderen. Mit wenigen Trainingsbeispielen rücken die beiden Minima auseinander: das Training steuert das linke an, aber auf neuen Daten zählt das rechte. Dieser Abstand ist Überanpassung (Overfitting).</translation>
    </message>
    <message>
        <source>alpha and beta move along two random directions through all %1 parameters at once, each unit&apos;s incoming weights scaled to its own (Li et al. 2018): one flat slice through %1 dimensions. The path is its shadow on the slice; the read-outs say how far off it the run is.</source>
        <translation>alpha und beta bewegen sich entlang zweier zufälliger Richtungen durch alle %1 Parameter zugleich, die eingehenden Gewichte jedes Neurons auf dessen eigene skaliert (Li et al. 2018): ein flacher Schnitt durch %1 Dimensionen. Der Pfad ist sein Schatten auf dem Schnitt; die Anzeigen sagen, wie weit der Lauf davon entfernt ist.</translation>
    </message>
    <message>
        <source>alpha and beta follow the path&apos;s first two principal components through its last point: the plane of all %1 parameters the run moved in most.</source>
        <translation>alpha und beta folgen den ersten beiden Hauptkomponenten des Pfads durch seinen letzten Punkt: die Ebene aller %1 Parameter, in der sich der Lauf am meisten bewegt hat.</translation>
    </message>
    <message>
        <source>The other parameters are held where the side panel sets them: this is one slice through the loss.</source>
        <translation>Die übrigen Parameter sind dort festgehalten, wo die Seitenleiste sie einstellt: dies ist ein Schnitt durch den Verlust.</translation>
    </message>
    <message>
        <source>A network reading the pixels: its gradient comes by backpropagation, from the output layer back to the first.</source>
        <translation>Ein Netz, das die Pixel liest: sein Gradient kommt durch Backpropagation, von der Ausgabeschicht zurück bis zur ersten.</translation>
    </message>
    <message>
        <source>This model has two valleys with a saddle between: runs starting at a &amp;lt; 1 end in the worse one.</source>
        <translation>Dieses Modell hat zwei Täler mit einem Sattel dazwischen: Läufe, die bei a &amp;lt; 1 beginnen, enden im schlechteren.</translation>
    </message>
    <message>
        <source>With mae every sample pulls with the same strength: the steps do not shrink near the minimum.</source>
        <translation>Mit mae zieht jedes Beispiel gleich stark: die Schritte werden nahe dem Minimum nicht kürzer.</translation>
    </message>
    <message>
        <source>Huber is squared for small errors and linear for large ones (delta %1).</source>
        <translation>Huber ist quadratisch für kleine Fehler und linear für große (delta %1).</translation>
    </message>
    <message>
        <source>&lt;b&gt;The arrows&lt;/b&gt;: minus the gradient (the steepest way down) and the step actually taken.</source>
        <translation>&lt;b&gt;Die Pfeile&lt;/b&gt;: der negative Gradient (der steilste Weg hinab) und der tatsächlich gemachte Schritt.</translation>
    </message>
    <message>
        <source>Plain gradient descent: w ← w − lr·g with lr = %1, so the step is the gradient scaled down.</source>
        <translation>Einfacher Gradientenabstieg: w ← w − lr·g mit lr = %1, der Schritt ist also der verkleinerte Gradient.</translation>
    </message>
    <message>
        <source>Adam divides each parameter&apos;s step by its own gradient history: the step need not point along the gradient.</source>
        <translation>Adam teilt den Schritt jedes Parameters durch dessen eigene Gradientengeschichte: der Schritt muss nicht in Richtung des Gradienten zeigen.</translation>
    </message>
    <message>
        <source>RMSprop divides each step by a running root mean square of the gradient: steep and flat directions get similar steps.</source>
        <translation>RMSprop teilt jeden Schritt durch ein laufendes quadratisches Mittel des Gradienten: steile und flache Richtungen bekommen ähnliche Schritte.</translation>
    </message>
    <message>
        <source>Adagrad divides by the root of all past squared gradients: its steps only ever get shorter.</source>
        <translation>Adagrad teilt durch die Wurzel aus allen bisherigen quadrierten Gradienten: seine Schritte werden immer nur kürzer.</translation>
    </message>
    <message>
        <source>Every arrow is the gradient of the batch shown, so it crosses that landscape&apos;s contour lines at right angles.</source>
        <translation>Jeder Pfeil ist der Gradient des gezeigten Batches, er kreuzt also die Höhenlinien dieser Landschaft im rechten Winkel.</translation>
    </message>
    <message>
        <source>Full batch: every step follows the gradient of exactly the training set&apos;s landscape.</source>
        <translation>Voller Batch: jeder Schritt folgt dem Gradienten genau der Landschaft der Trainingsdaten.</translation>
    </message>
    <message>
        <source>Batches of %1 of %2 samples: each step sees a slightly different loss, so the path jitters around the way down.</source>
        <translation>Batches von %1 aus %2 Beispielen: jeder Schritt sieht einen etwas anderen Verlust, darum zittert der Pfad auf dem Weg hinab.</translation>
    </message>
    <message>
        <source>The rate follows a schedule (%1): watch the steps change length.</source>
        <translation>Die Lernrate folgt einem Zeitplan (%1): achten Sie darauf, wie die Schritte ihre Länge ändern.</translation>
    </message>
    <message>
        <source>&lt;i&gt;Click the landscape to start from there.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Klicken Sie in die Landschaft, um von dort zu starten.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>With momentum %1 the step follows a running sum of gradients, b ← %1·b + g: it builds up speed in a straight valley and overshoots in a bend.</source>
        <translation>Mit Momentum %1 folgt der Schritt einer laufenden Summe der Gradienten, b ← %1·b + g: er nimmt in einem geraden Tal Fahrt auf und schießt in einer Kurve hinaus.</translation>
    </message>
</context>
<context>
    <name>downhill::ui::AnimationDialog</name>
    <message>
        <source>Export animation</source>
        <translation>Animation exportieren</translation>
    </message>
    <message>
        <source>The run from step 0 to the timeline position (step %1), drawn frame by frame for slides: the path growing, the point and its arrows moving. The window is not disturbed; training may go on meanwhile.</source>
        <translation>Der Lauf von Schritt 0 bis zur Position der Zeitleiste (Schritt %1), Bild für Bild für Folien gezeichnet: der Pfad wächst, der Punkt und seine Pfeile bewegen sich. Das Fenster wird nicht gestört; das Training darf währenddessen weiterlaufen.</translation>
    </message>
    <message>
        <source>Animated GIF</source>
        <translation>Animiertes GIF</translation>
    </message>
    <message>
        <source>PNG frames in a folder</source>
        <translation>PNG-Bilder in einem Ordner</translation>
    </message>
    <message>
        <source>A GIF plays anywhere (one 256-colour palette for all frames); numbered PNG frames (frame_0000.png, ...) keep every colour, for a video editor.</source>
        <translation>Ein GIF läuft überall (eine Palette mit 256 Farben für alle Bilder); nummerierte PNG-Bilder (frame_0000.png, ...) behalten jede Farbe, für ein Videoschnittprogramm.</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>Speichern unter:</translation>
    </message>
    <message>
        <source>Frames:</source>
        <translation>Bilder:</translation>
    </message>
    <message>
        <source>One every</source>
        <translation>Eines alle</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> Schritte</translation>
    </message>
    <message>
        <source> frames a second</source>
        <translation> Bilder pro Sekunde</translation>
    </message>
    <message>
        <source>GIF only. The last frame is held for 1.5 s before the loop starts again.</source>
        <translation>Nur GIF. Das letzte Bild bleibt 1,5 s stehen, bevor die Schleife von vorn beginnt.</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>Tempo:</translation>
    </message>
    <message>
        <source>The plot&apos;s current size</source>
        <translation>Aktuelle Größe des Diagramms</translation>
    </message>
    <message>
        <source>1920 × 1200 is drawn at twice the scale of 960 × 600: the same picture, sharper. The plot&apos;s current size is drawn as on screen.</source>
        <translation>1920 × 1200 wird im doppelten Maßstab von 960 × 600 gezeichnet: dasselbe Bild, schärfer. Die aktuelle Größe des Diagramms wird wie auf dem Bildschirm gezeichnet.</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>The landscape</source>
        <translation>Die Landschaft</translation>
    </message>
    <message>
        <source>The landscape with the loss plot under it</source>
        <translation>Die Landschaft mit der Verlustkurve darunter</translation>
    </message>
    <message>
        <source>Plots:</source>
        <translation>Diagramme:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>%1 frame of %2, step %3</source>
        <translation>%1 Bild von %2, Schritt %3</translation>
    </message>
    <message>
        <source>%1 frames of %2, steps 0 to %3</source>
        <translation>%1 Bilder von %2, Schritte 0 bis %3</translation>
    </message>
    <message>
        <source>, about one every %1 steps</source>
        <translation>, etwa eines alle %1 Schritte</translation>
    </message>
    <message>
        <source>; %1 s at %2 frames a second</source>
        <translation>; %1 s bei %2 Bildern pro Sekunde</translation>
    </message>
    <message>
        <source>Frames are spread evenly over the steps: a long run is shown whole in at most %1 frames, and a run with fewer steps than frames gets one frame per step.</source>
        <translation>Die Bilder werden gleichmäßig über die Schritte verteilt: ein langer Lauf wird ganz in höchstens %1 Bildern gezeigt, und ein Lauf mit weniger Schritten als Bildern bekommt ein Bild pro Schritt.</translation>
    </message>
    <message>
        <source>GIF images (*.gif)</source>
        <translation>GIF-Bilder (*.gif)</translation>
    </message>
    <message>
        <source>Folder for the frames</source>
        <translation>Ordner für die Einzelbilder</translation>
    </message>
</context>
<context>
    <name>downhill::ui::AnimationExport</name>
    <message>
        <source>Saved the animation to %1</source>
        <translation>Animation gespeichert unter %1</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Export abgebrochen; nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>Export animation</source>
        <translation>Animation exportieren</translation>
    </message>
    <message>
        <source>There is no run to animate yet: wait for the landscape, then try again.</source>
        <translation>Es gibt noch keinen Lauf zum Animieren: warten Sie auf die Landschaft und versuchen Sie es dann noch einmal.</translation>
    </message>
    <message>
        <source>Choose where to save the animation.</source>
        <translation>Wählen Sie, wo die Animation gespeichert werden soll.</translation>
    </message>
    <message>
        <source>Drawing the animation…</source>
        <translation>Die Animation wird gezeichnet…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Drawing frame %1 of %2…</source>
        <translation>Bild %1 von %2 wird gezeichnet…</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 wird geschrieben…</translation>
    </message>
</context>
<context>
    <name>downhill::ui::BatchStrip</name>
    <message>
        <source>true %1 · pred %2</source>
        <translation>echt %1 · vorh. %2</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>+%1 weitere</translation>
    </message>
    <message>
        <source>The current batch appears here.</source>
        <translation>Hier erscheint der aktuelle Batch.</translation>
    </message>
    <message>
        <source>%1 people, the model says %2 (error %3)</source>
        <translation>%1 Personen, das Modell sagt %2 (Fehler %3)</translation>
    </message>
    <message>
        <source>
Augmented, as the model saw it: %1</source>
        <translation>
Augmentiert, so wie das Modell es sah: %1</translation>
    </message>
</context>
<context>
    <name>downhill::ui::ControlPanel</name>
    <message>
        <source>This combination of settings cannot be used as it is.</source>
        <translation>Diese Kombination von Einstellungen lässt sich so nicht verwenden.</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Landschaft</translation>
    </message>
    <message>
        <source>What is being minimised and drawn: a model f(x; w) with a loss over some of the data, or an analytic test function.</source>
        <translation>Was minimiert und gezeichnet wird: ein Modell f(x; w) mit einem Verlust über einen Teil der Daten oder eine analytische Testfunktion.</translation>
    </message>
    <message>
        <source>The model whose parameters are trained on the data, or an analytic landscape (a function of two parameters, no data).
Changing it starts a new run: the parameters mean something else.</source>
        <translation>Das Modell, dessen Parameter auf den Daten trainiert werden, oder eine analytische Landschaft (eine Funktion zweier Parameter, ohne Daten).
Ein Wechsel startet einen neuen Lauf: die Parameter bedeuten dann etwas anderes.</translation>
    </message>
    <message>
        <source>Models on the data</source>
        <translation>Modelle auf den Daten</translation>
    </message>
    <message>
        <source>Networks on the pixels</source>
        <translation>Netze auf den Pixeln</translation>
    </message>
    <message>
        <source>A network reading the image shrunk to n x n pixels: nn.Sequential(Linear, activation, ..., Linear), one output, the count.</source>
        <translation>Ein Netz, das das auf n x n Pixel verkleinerte Bild liest: nn.Sequential(Linear, Aktivierung, ..., Linear), eine Ausgabe, die Anzahl.</translation>
    </message>
    <message>
        <source>Analytic landscapes</source>
        <translation>Analytische Landschaften</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Units in each hidden layer: one number for one layer (16), two for two (32,16). Press Enter to apply.</source>
        <translation>Neuronen in jeder verborgenen Schicht: eine Zahl für eine Schicht (16), zwei für zwei (32,16). Mit Enter übernehmen.</translation>
    </message>
    <message>
        <source>Hidden units</source>
        <translation>Neuronen</translation>
    </message>
    <message>
        <source>The hidden layers&apos; activation: tanh and sigmoid are smooth, relu has kinks where a unit turns on.</source>
        <translation>Die Aktivierung der verborgenen Schichten: tanh und sigmoid sind glatt, relu hat Knicke, wo ein Neuron anspringt.</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>Aktivierung</translation>
    </message>
    <message>
        <source>The network reads the image shrunk to n x n pixels by block means: n must divide the image&apos;s side.</source>
        <translation>Das Netz liest das Bild, durch Blockmittel auf n x n Pixel verkleinert: n muss die Seitenlänge des Bildes teilen.</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>The formula of the model or function.</source>
        <translation>Die Formel des Modells oder der Funktion.</translation>
    </message>
    <message>
        <source>How a wrong prediction is counted, per sample, averaged over the batch:
mse (y - t)², mae |y - t|, huber: squared near 0, linear beyond delta.</source>
        <translation>Wie eine falsche Vorhersage gezählt wird, pro Beispiel, gemittelt über den Batch:
mse (y - t)², mae |y - t|, huber: quadratisch nahe 0, linear jenseits von delta.</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Huber&apos;s delta: residuals smaller than this are squared, larger ones count linearly.</source>
        <translation>Hubers delta: kleinere Residuen werden quadriert, größere zählen linear.</translation>
    </message>
    <message>
        <source>Huber delta</source>
        <translation>Huber-delta</translation>
    </message>
    <message>
        <source>Which samples the landscape averages the loss over. The path and the arrows stay the same; only the ground under them changes.</source>
        <translation>Über welche Beispiele die Landschaft den Verlust mittelt. Pfad und Pfeile bleiben gleich; nur der Boden unter ihnen ändert sich.</translation>
    </message>
    <message>
        <source>Training set</source>
        <translation>Trainingsdaten</translation>
    </message>
    <message>
        <source>The loss over every training sample: the landscape training is trying to descend.</source>
        <translation>Der Verlust über alle Trainingsbeispiele: die Landschaft, die das Training hinabzusteigen versucht.</translation>
    </message>
    <message>
        <source>Current batch</source>
        <translation>Aktueller Batch</translation>
    </message>
    <message>
        <source>The loss over the batch of the last step only, redrawn at every step: each step goes downhill on its own batch&apos;s landscape, which is why small batches zig-zag.</source>
        <translation>Der Verlust nur über den Batch des letzten Schritts, bei jedem Schritt neu gezeichnet: jeder Schritt geht auf der Landschaft seines eigenen Batches bergab, darum laufen kleine Batches im Zickzack.</translation>
    </message>
    <message>
        <source>Validation set</source>
        <translation>Validierungsdaten</translation>
    </message>
    <message>
        <source>Training | validation</source>
        <translation>Training | Validierung</translation>
    </message>
    <message>
        <source>Surface</source>
        <translation>Fläche</translation>
    </message>
    <message>
        <source>Step size and batches</source>
        <translation>Schrittweite und Batches</translation>
    </message>
    <message>
        <source>The settings that can change while training runs: they apply from the next step on.</source>
        <translation>Die Einstellungen, die sich während des Trainings ändern lassen: sie gelten ab dem nächsten Schritt.</translation>
    </message>
    <message>
        <source>Learning rate: how far each step goes along minus the gradient, w ← w − lr·g.
Logarithmic from 0.0001 to 10. Too large and the run overshoots or diverges.</source>
        <translation>Lernrate: wie weit jeder Schritt entlang des negativen Gradienten geht, w ← w − lr·g.
Logarithmisch von 0,0001 bis 10. Zu groß, und der Lauf schießt über das Ziel hinaus oder divergiert.</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>Momentum</translation>
    </message>
    <message>
        <source>Samples averaged per step. Small batches give noisy, cheap steps; the full batch follows the true gradient of the training loss.</source>
        <translation>Beispiele, über die pro Schritt gemittelt wird. Kleine Batches geben verrauschte, billige Schritte; der volle Batch folgt dem wahren Gradienten des Trainingsverlusts.</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>Full batch</source>
        <translation>Voller Batch</translation>
    </message>
    <message>
        <source>Use every training sample in every step (batch size = training set size).</source>
        <translation>In jedem Schritt alle Trainingsbeispiele verwenden (Batchgröße = Größe der Trainingsdaten).</translation>
    </message>
    <message>
        <source>Shuffle</source>
        <translation>Mischen</translation>
    </message>
    <message>
        <source>Draw the samples of each epoch in a new random order (seeded).</source>
        <translation>Die Beispiele jeder Epoche in neuer zufälliger Reihenfolge ziehen (mit Seed).</translation>
    </message>
    <message>
        <source>Seed of the shuffling and the augmentation draws: the same seed and settings replay the same run.</source>
        <translation>Seed für das Mischen und die Zufallszüge der Augmentierung: gleicher Seed und gleiche Einstellungen ergeben denselben Lauf.</translation>
    </message>
    <message>
        <source>Run seed</source>
        <translation>Lauf-Seed</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <source>The update rule, with PyTorch&apos;s semantics (the learning rate outside the momentum buffer).</source>
        <translation>Die Update-Regel, mit der Semantik von PyTorch (die Lernrate außerhalb des Momentum-Puffers).</translation>
    </message>
    <message>
        <source>sgd: w ← w − lr·g (with momentum: a running sum of gradients).
adam: per-parameter steps from running means of g and g².
rmsprop: divides by a running root mean square of g.
adagrad: divides by the root of the sum of all past g².</source>
        <translation>sgd: w ← w − lr·g (mit Momentum: eine laufende Summe der Gradienten).
adam: Schritte je Parameter aus laufenden Mitteln von g und g².
rmsprop: teilt durch ein laufendes quadratisches Mittel von g.
adagrad: teilt durch die Wurzel aus der Summe aller bisherigen g².</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Dampening</source>
        <translation>Dämpfung</translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <source>adam β₁: how long the running mean of the gradient remembers.</source>
        <translation>adam β₁: wie lange sich das laufende Mittel des Gradienten erinnert.</translation>
    </message>
    <message>
        <source>β₁</source>
        <translation>β₁</translation>
    </message>
    <message>
        <source>adam β₂: how long the running mean of the squared gradient remembers.</source>
        <translation>adam β₂: wie lange sich das laufende Mittel des quadrierten Gradienten erinnert.</translation>
    </message>
    <message>
        <source>β₂</source>
        <translation>β₂</translation>
    </message>
    <message>
        <source>rmsprop α: smoothing of the running mean of the squared gradient.</source>
        <translation>rmsprop α: Glättung des laufenden Mittels des quadrierten Gradienten.</translation>
    </message>
    <message>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <source>Centered</source>
        <translation>Zentriert</translation>
    </message>
    <message>
        <source>rmsprop centered: divide by an estimate of the gradient&apos;s variance instead of its raw second moment.</source>
        <translation>rmsprop zentriert: durch eine Schätzung der Varianz des Gradienten teilen statt durch sein rohes zweites Moment.</translation>
    </message>
    <message>
        <source>adagrad lr_decay: the rate shrinks as lr / (1 + (t − 1)·lr_decay).</source>
        <translation>adagrad lr_decay: die Lernrate schrumpft als lr / (1 + (t − 1)·lr_decay).</translation>
    </message>
    <message>
        <source>lr decay</source>
        <translation>lr-Abnahme</translation>
    </message>
    <message>
        <source>ε, added to the denominator so that it is never zero. Empty: PyTorch&apos;s default (1e-8; adagrad 1e-10).</source>
        <translation>ε, zum Nenner addiert, damit er nie null wird. Leer: der Standardwert von PyTorch (1e-8; adagrad 1e-10).</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>Learning-rate schedule</source>
        <translation>Lernraten-Zeitplan</translation>
    </message>
    <message>
        <source>How the learning rate changes step by step, as a function of the step count.</source>
        <translation>Wie sich die Lernrate Schritt für Schritt ändert, als Funktion der Schrittzahl.</translation>
    </message>
    <message>
        <source>constant: lr throughout.
exponential: lr·γ^t.
step: lr·γ^⌊t / every⌋.
cosine: a half cosine from lr down to the minimum over T steps.
cosine-restarts: the same, restarting after T₀, T₀·mult, ... steps.</source>
        <translation>constant: durchgehend lr.
exponential: lr·γ^t.
step: lr·γ^⌊t / every⌋.
cosine: ein halber Kosinus von lr hinab zum Minimum über T Schritte.
cosine-restarts: dasselbe, neu beginnend nach T₀, T₀·mult, ... Schritten.</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>γ: the factor the rate is multiplied by (per step, or per &apos;every&apos; steps).</source>
        <translation>γ: der Faktor, mit dem die Lernrate multipliziert wird (pro Schritt oder alle „every“ Schritte).</translation>
    </message>
    <message>
        <source>γ</source>
        <translation>γ</translation>
    </message>
    <message>
        <source>step schedule: multiply the rate by γ every this many steps.</source>
        <translation>Stufen-Zeitplan: die Lernrate alle so viele Schritte mit γ multiplizieren.</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Cosine period in steps (T, or the first cycle T₀ with restarts).</source>
        <translation>Kosinus-Periode in Schritten (T, oder der erste Zyklus T₀ bei Neustarts).</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>cosine-restarts: each cycle is this many times longer than the one before.</source>
        <translation>cosine-restarts: jeder Zyklus ist so viel Mal länger als der vorige.</translation>
    </message>
    <message>
        <source>Cycle ×</source>
        <translation>Zyklus ×</translation>
    </message>
    <message>
        <source>The rate a cosine schedule goes down to.</source>
        <translation>Die Lernrate, bis zu der ein Kosinus-Zeitplan sinkt.</translation>
    </message>
    <message>
        <source>Min lr</source>
        <translation>Min. lr</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>The samples the model learns from: the built-in people-counting images, or a file you open.</source>
        <translation>Die Beispiele, aus denen das Modell lernt: die eingebauten Bilder zum Personenzählen oder eine Datei, die Sie öffnen.</translation>
    </message>
    <message>
        <source>Where the data comes from.</source>
        <translation>Woher die Daten kommen.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Open data…</source>
        <translation>Daten öffnen…</translation>
    </message>
    <message>
        <source>Load a CSV file (columns x and count) or a folder of PNG images with labels.csv.</source>
        <translation>Eine CSV-Datei (Spalten x und count) oder einen Ordner mit PNG-Bildern und labels.csv laden.</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>Eingebaut</translation>
    </message>
    <message>
        <source>Go back to the built-in people-counting images.</source>
        <translation>Zurück zu den eingebauten Bildern zum Personenzählen.</translation>
    </message>
    <message>
        <source>Number of images in the built-in data set. A new data set starts a new run.</source>
        <translation>Anzahl der Bilder der eingebauten Daten. Neue Daten starten einen neuen Lauf.</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Seed of the built-in images and of the train/validation split.</source>
        <translation>Seed der eingebauten Bilder und der Aufteilung in Training und Validierung.</translation>
    </message>
    <message>
        <source>Data seed</source>
        <translation>Daten-Seed</translation>
    </message>
    <message>
        <source>Share of the samples held out for validation: the model never trains on them, so their loss shows overfitting.</source>
        <translation>Anteil der Beispiele, der für die Validierung zurückgehalten wird: das Modell trainiert nie darauf, daher zeigt ihr Verlust die Überanpassung.</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation>Helligkeit</translation>
    </message>
    <message>
        <source>Augmentation: each time an image is drawn into a batch, shift its brightness at random.</source>
        <translation>Augmentierung: jedes Mal, wenn ein Bild in einen Batch gezogen wird, seine Helligkeit zufällig verschieben.</translation>
    </message>
    <message>
        <source>Flip</source>
        <translation>Spiegeln</translation>
    </message>
    <message>
        <source>Augmentation: mirror the image left-right with probability 1/2.</source>
        <translation>Augmentierung: das Bild mit Wahrscheinlichkeit 1/2 links-rechts spiegeln.</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>Rauschen</translation>
    </message>
    <message>
        <source>Augmentation: add random Gaussian noise to the pixels.</source>
        <translation>Augmentierung: zufälliges gaußsches Rauschen zu den Pixeln addieren.</translation>
    </message>
    <message>
        <source>Random changes to each image as it is drawn into a batch: the model sees a slightly different data set every epoch.</source>
        <translation>Zufällige Veränderungen jedes Bildes, wenn es in einen Batch gezogen wird: das Modell sieht in jeder Epoche etwas andere Daten.</translation>
    </message>
    <message>
        <source>Plotted plane</source>
        <translation>Gezeichnete Ebene</translation>
    </message>
    <message>
        <source>The landscape is the loss over two parameters, any others held at the values set here; or over a plane through all of them (a network&apos;s thousands), as in Li et al. 2018.</source>
        <translation>Die Landschaft ist der Verlust über zwei Parameter, alle anderen auf den hier eingestellten Werten festgehalten; oder über eine Ebene durch alle Parameter (bei einem Netz Tausende), wie bei Li et al. 2018.</translation>
    </message>
    <message>
        <source>Two parameters: the literal surface over two weights, the rest held.
Random plane: two random directions through the origin, each unit&apos;s incoming weights scaled to that unit&apos;s own (filter normalisation), biases still; alpha = beta = 0 is the origin, 1 a step as long as the weights.
PCA plane: the path&apos;s first two principal components, through its last point: the plane the run moved in most. The path drawn on a plane is its projection; the read-outs say how far off it the run is.</source>
        <translation>Zwei Parameter: die wörtliche Fläche über zwei Gewichten, der Rest festgehalten.
Zufällige Ebene: zwei zufällige Richtungen durch den Ursprung, die eingehenden Gewichte jedes Neurons auf dessen eigene skaliert (Filter-Normalisierung), Biases unverändert; alpha = beta = 0 ist der Ursprung, 1 ein Schritt so lang wie die Gewichte.
PCA-Ebene: die ersten beiden Hauptkomponenten des Pfads, durch seinen letzten Punkt: die Ebene, in der sich der Lauf am meisten bewegt hat. Der auf einer Ebene gezeichnete Pfad ist seine Projektion; die Anzeigen sagen, wie weit der Lauf davon entfernt ist.</translation>
    </message>
    <message>
        <source>Two parameters</source>
        <translation>Zwei Parameter</translation>
    </message>
    <message>
        <source>Random plane</source>
        <translation>Zufällige Ebene</translation>
    </message>
    <message>
        <source>PCA plane of the path</source>
        <translation>PCA-Ebene des Pfads</translation>
    </message>
    <message>
        <source>Axes</source>
        <translation>Achsen</translation>
    </message>
    <message>
        <source>The random plane&apos;s seed: another seed, other directions.</source>
        <translation>Der Seed der zufälligen Ebene: anderer Seed, andere Richtungen.</translation>
    </message>
    <message>
        <source>Plane seed</source>
        <translation>Ebenen-Seed</translation>
    </message>
    <message>
        <source>Recentre the plane here</source>
        <translation>Ebene hierher verschieben</translation>
    </message>
    <message>
        <source>The plane&apos;s origin moves to the current point (a random plane&apos;s directions are drawn for it anew; the PCA plane is the path&apos;s so far) and the path is projected again. Training goes on.</source>
        <translation>Der Ursprung der Ebene rückt auf den aktuellen Punkt (die Richtungen einer zufälligen Ebene werden dafür neu gezogen; die PCA-Ebene ist die des bisherigen Pfads), und der Pfad wird neu projiziert. Das Training läuft weiter.</translation>
    </message>
    <message>
        <source>The parameter on the horizontal axis of the landscape. Type to search by name.</source>
        <translation>Der Parameter auf der waagrechten Achse der Landschaft. Tippen, um nach Namen zu suchen.</translation>
    </message>
    <message>
        <source>The parameter on the vertical axis of the landscape. Type to search by name.</source>
        <translation>Der Parameter auf der senkrechten Achse der Landschaft. Tippen, um nach Namen zu suchen.</translation>
    </message>
    <message>
        <source>Horizontal</source>
        <translation>Waagrecht</translation>
    </message>
    <message>
        <source>Vertical</source>
        <translation>Senkrecht</translation>
    </message>
    <message>
        <source>The value at which %1 is held: the landscape is the slice of the loss through it. Changing it starts a new run from the same point on the new slice.</source>
        <translation>Der Wert, auf dem %1 festgehalten wird: die Landschaft ist der Schnitt durch den Verlust an dieser Stelle. Eine Änderung startet einen neuen Lauf vom selben Punkt auf dem neuen Schnitt.</translation>
    </message>
    <message>
        <source>Held %1</source>
        <translation>%1 fest</translation>
    </message>
    <message>
        <source>built-in people images</source>
        <translation>eingebaute Personenbilder</translation>
    </message>
    <message>
        <source>default (1e-10)</source>
        <translation>Standard (1e-10)</translation>
    </message>
    <message>
        <source>default (1e-8)</source>
        <translation>Standard (1e-8)</translation>
    </message>
    <message>
        <source>Not available: there is no validation set. Raise &quot;Validation&quot; in the Data group to hold samples out.</source>
        <translation>Nicht verfügbar: es gibt keine Validierungsdaten. Erhöhen Sie „Validierung“ in der Gruppe Daten, um Beispiele zurückzuhalten.</translation>
    </message>
    <message>
        <source>The loss over the held-out validation samples, which training never sees.</source>
        <translation>Der Verlust über die zurückgehaltenen Validierungsbeispiele, die das Training nie sieht.</translation>
    </message>
    <message>
        <source>Training and validation landscapes side by side with the same path and linked zoom: when the model overfits, their minima drift apart.</source>
        <translation>Trainings- und Validierungslandschaft nebeneinander, mit demselben Pfad und gekoppeltem Zoom: wenn sich das Modell überanpasst, rücken ihre Minima auseinander.</translation>
    </message>
    <message>
        <source>An analytic landscape is a function of its two parameters, not a loss over data: it has one surface. Choose a model on the data above to switch surfaces.</source>
        <translation>Eine analytische Landschaft ist eine Funktion ihrer zwei Parameter, kein Verlust über Daten: sie hat nur eine Fläche. Wählen Sie oben ein Modell auf den Daten, um die Fläche zu wechseln.</translation>
    </message>
    <message>
        <source>Momentum μ: the step follows a running average of past gradients, b ← μ·b + g. 0 is plain gradient descent; 0.9 rolls through narrow valleys.</source>
        <translation>Momentum μ: der Schritt folgt einem laufenden Mittel vergangener Gradienten, b ← μ·b + g. 0 ist einfacher Gradientenabstieg; mit 0,9 rollt der Lauf durch enge Täler.</translation>
    </message>
    <message>
        <source>sgd dampening: the share of the new gradient left out of the momentum buffer, b ← μ·b + (1 − d)·g.</source>
        <translation>sgd-Dämpfung: der Anteil des neuen Gradienten, der nicht in den Momentum-Puffer eingeht, b ← μ·b + (1 − d)·g.</translation>
    </message>
    <message>
        <source>Nesterov momentum: step along g + μ·b, a look ahead. Needs momentum &gt; 0 and no dampening.</source>
        <translation>Nesterov-Momentum: Schritt entlang g + μ·b, ein Blick voraus. Braucht Momentum &gt; 0 und keine Dämpfung.</translation>
    </message>
    <message>
        <source>Augment</source>
        <translation>Zufall</translation>
    </message>
</context>
<context>
    <name>downhill::ui::DatasetPanel</name>
    <message>
        <source>count %1 · %2</source>
        <translation>Anzahl %1 · %2</translation>
    </message>
    <message>
        <source>val</source>
        <translation>Val.</translation>
    </message>
    <message>
        <source>train</source>
        <translation>Train.</translation>
    </message>
    <message>
        <source>image %1 · %2 people · x = %3 · %4</source>
        <translation>Bild %1 · %2 Personen · x = %3 · %4</translation>
    </message>
    <message>
        <source>validation set</source>
        <translation>Validierungsdaten</translation>
    </message>
    <message>
        <source>training set</source>
        <translation>Trainingsdaten</translation>
    </message>
    <message>
        <source>all images</source>
        <translation>alle Bilder</translation>
    </message>
    <message>
        <source>This data set has no images: it was read from a file of numbers, so only each sample&apos;s x and count are known. The scatter shows them all; augmentations need images and are off.</source>
        <translation>Diese Daten haben keine Bilder: sie wurden aus einer Datei mit Zahlen gelesen, daher sind von jedem Beispiel nur x und die Anzahl bekannt. Das Streudiagramm zeigt sie alle; Augmentierungen brauchen Bilder und sind aus.</translation>
    </message>
    <message>
        <source>feature x</source>
        <translation>Merkmal x</translation>
    </message>
    <message>
        <source>count (people)</source>
        <translation>Anzahl (Personen)</translation>
    </message>
    <message>
        <source>training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>selected image</source>
        <translation>gewähltes Bild</translation>
    </message>
    <message>
        <source>Apply this augmentation, drawn afresh for every sample, while training</source>
        <translation>Diese Augmentierung beim Training anwenden, für jedes Beispiel neu gezogen</translation>
    </message>
    <message>
        <source>train with it</source>
        <translation>damit trainieren</translation>
    </message>
    <message>
        <source>show</source>
        <translation>zeigen</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <source> · %1 training · %2 validation</source>
        <translation> · %1 Training · %2 Validierung</translation>
    </message>
    <message>
        <source>original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>brightness %1%2</source>
        <translation>Helligkeit %1%2</translation>
    </message>
    <message>
        <source>flipped</source>
        <translation>gespiegelt</translation>
    </message>
    <message>
        <source>noise σ %1</source>
        <translation>Rauschen σ %1</translation>
    </message>
    <message>
        <source>all three</source>
        <translation>alle drei</translation>
    </message>
    <message>
        <source>&lt;br&gt;image %1 · count %2 · %3</source>
        <translation>&lt;br&gt;Bild %1 · Anzahl %2 · %3</translation>
    </message>
    <message>
        <source>&lt;br&gt;count still %1</source>
        <translation>&lt;br&gt;Anzahl weiterhin %1</translation>
    </message>
    <message>
        <source>training (%1)</source>
        <translation>Training (%1)</translation>
    </message>
    <message>
        <source>validation (%1)</source>
        <translation>Validierung (%1)</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
</context>
<context>
    <name>downhill::ui::ExportActions</name>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG-Bild (*.png);;SVG-Bild (*.svg);;PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Export landscape</source>
        <translation>Landschaft exportieren</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Export loss plot</source>
        <translation>Verlustkurve exportieren</translation>
    </message>
    <message>
        <source>Export path</source>
        <translation>Pfad exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1 steps to %2</source>
        <translation>%1 Schritte gespeichert in %2</translation>
    </message>
    <message>
        <source>Export loss history</source>
        <translation>Verlaufsdaten exportieren</translation>
    </message>
    <message>
        <source>Saved %1 epochs to %2</source>
        <translation>%1 Epochen gespeichert in %2</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Einstellungen speichern</translation>
    </message>
    <message>
        <source>Downhill settings (*.json)</source>
        <translation>Downhill-Einstellungen (*.json)</translation>
    </message>
    <message>
        <source>Save run</source>
        <translation>Lauf speichern</translation>
    </message>
    <message>
        <source>Downhill runs (*.json)</source>
        <translation>Downhill-Läufe (*.json)</translation>
    </message>
</context>
<context>
    <name>downhill::ui::FileCommands</name>
    <message>
        <source>The run was replayed exactly to where it was saved.</source>
        <translation>Der Lauf wurde genau bis dorthin nachgespielt, wo er gespeichert wurde.</translation>
    </message>
    <message>
        <source>Open run</source>
        <translation>Lauf öffnen</translation>
    </message>
    <message>
        <source>The replayed run does not end where the saved one did: the data, or this version of Downhill, differ from when it was saved. What you see is the replay.</source>
        <translation>Der nachgespielte Lauf endet nicht dort, wo der gespeicherte endete: die Daten oder diese Version von Downhill unterscheiden sich von denen beim Speichern. Was Sie sehen, ist das Nachspiel.</translation>
    </message>
    <message>
        <source>Replaying the saved run: step %L1 of %L2 (%3%). Esc stops it here.</source>
        <translation>Der gespeicherte Lauf wird nachgespielt: Schritt %L1 von %L2 (%3 %). Esc hält ihn hier an.</translation>
    </message>
    <message>
        <source>The replay stopped at step %L1: the run goes on from there.</source>
        <translation>Das Nachspiel hielt bei Schritt %L1 an: der Lauf geht von dort aus weiter.</translation>
    </message>
    <message>
        <source>Open settings</source>
        <translation>Einstellungen öffnen</translation>
    </message>
    <message>
        <source>Downhill settings (*.json);;All files (*)</source>
        <translation>Downhill-Einstellungen (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Loaded %1</source>
        <translation>%1 geladen</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lektionen</translation>
    </message>
    <message>
        <source>Lesson: %1</source>
        <translation>Lektion: %1</translation>
    </message>
    <message>
        <source>There is no run to save: the settings do not make a working run.</source>
        <translation>Es gibt keinen Lauf zum Speichern: die Einstellungen ergeben keinen funktionierenden Lauf.</translation>
    </message>
    <message>
        <source>settings.start has %1 values, the run&apos;s states %2</source>
        <translation>settings.start hat %1 Werte, die Zustände des Laufs %2</translation>
    </message>
    <message>
        <source>its settings do not make a working run here</source>
        <translation>seine Einstellungen ergeben hier keinen funktionierenden Lauf</translation>
    </message>
    <message>
        <source>The data differ from those the run was saved with: the replay will not be the same run.</source>
        <translation>Die Daten unterscheiden sich von denen, mit denen der Lauf gespeichert wurde: das Nachspiel wird nicht derselbe Lauf.</translation>
    </message>
    <message>
        <source>the run has %1 parameters, the model %2</source>
        <translation>der Lauf hat %1 Parameter, das Modell %2</translation>
    </message>
    <message>
        <source>Downhill runs (*.json)</source>
        <translation>Downhill-Läufe (*.json)</translation>
    </message>
    <message>
        <source>Open image folder (PNG images + labels.csv)</source>
        <translation>Bilderordner öffnen (PNG-Bilder + labels.csv)</translation>
    </message>
    <message>
        <source>Open data</source>
        <translation>Daten öffnen</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Training on %1</source>
        <translation>Training auf %1</translation>
    </message>
    <message>
        <source>Cancel opening a run while it is replayed</source>
        <translation>Das Öffnen eines Laufs abbrechen, während er nachgespielt wird</translation>
    </message>
    <message>
        <source>%1: reading it was cancelled; the built-in data instead</source>
        <translation>%1: Lesen abgebrochen; stattdessen die eingebauten Daten</translation>
    </message>
    <message>
        <source>Opening %1 was cancelled: the run is as it was.</source>
        <translation>Öffnen von %1 abgebrochen: der Lauf ist unverändert.</translation>
    </message>
</context>
<context>
    <name>downhill::ui::GradientCheckView</name>
    <message>
        <source>numeric dL/dw_j = (L(w + h e_j) - L(w - h e_j)) / 2h,  beside the analytic gradient (chain rule)</source>
        <translation>numerisch dL/dw_j = (L(w + h e_j) - L(w - h e_j)) / 2h,  neben dem analytischen Gradienten (Kettenregel)</translation>
    </message>
    <message>
        <source>The step h of the numeric gradient, from 1e-12 to 1 (four positions per decade)</source>
        <translation>Die Schrittweite h des numerischen Gradienten, von 1e-12 bis 1 (vier Stufen pro Dekade)</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>analytic</source>
        <translation>analytisch</translation>
    </message>
    <message>
        <source>numeric</source>
        <translation>numerisch</translation>
    </message>
    <message>
        <source>abs error</source>
        <translation>abs. Fehler</translation>
    </message>
    <message>
        <source>rel error</source>
        <translation>rel. Fehler</translation>
    </message>
    <message>
        <source>step h</source>
        <translation>Schrittweite h</translation>
    </message>
    <message>
        <source>largest relative error</source>
        <translation>größter relativer Fehler</translation>
    </message>
    <message>
        <source>← rounding error (≈ eps / h)</source>
        <translation>← Rundungsfehler (≈ eps / h)</translation>
    </message>
    <message>
        <source>No point to check yet.</source>
        <translation>Noch kein Punkt zum Prüfen.</translation>
    </message>
    <message>
        <source>Computing the error for every h…</source>
        <translation>Der Fehler wird für jedes h berechnet…</translation>
    </message>
    <message>
        <source>Smallest error %1 at h = %2.</source>
        <translation>Kleinster Fehler %1 bei h = %2.</translation>
    </message>
    <message>
        <source> mae has a kink at r = 0: when a sample&apos;s residual changes sign between w - h and w + h, the numeric gradient is wrong, so large h gives large errors here.</source>
        <translation> mae hat bei r = 0 einen Knick: wenn das Residuum eines Beispiels zwischen w - h und w + h das Vorzeichen wechselt, ist der numerische Gradient falsch, daher gibt großes h hier große Fehler.</translation>
    </message>
    <message>
        <source>h reaches across a kink →</source>
        <translation>h reicht über einen Knick →</translation>
    </message>
    <message>
        <source> This loss is quadratic in the parameters: central differences have no truncation error for it, so only rounding (which grows as h shrinks) is left.</source>
        <translation> Dieser Verlust ist quadratisch in den Parametern: zentrale Differenzen haben für ihn keinen Abbruchfehler, es bleibt nur die Rundung (die wächst, wenn h kleiner wird).</translation>
    </message>
    <message>
        <source> Larger h: the h² truncation error grows. Smaller h: L(w + h) and L(w - h) agree in ever more digits, and rounding (≈ eps / h) takes over.</source>
        <translation> Größeres h: der Abbruchfehler h² wächst. Kleineres h: L(w + h) und L(w - h) stimmen in immer mehr Stellen überein, und die Rundung (≈ eps / h) übernimmt.</translation>
    </message>
    <message>
        <source>truncation error (≈ h²) →</source>
        <translation>Abbruchfehler (≈ h²) →</translation>
    </message>
    <message>
        <source>rel. error</source>
        <translation>rel. Fehler</translation>
    </message>
</context>
<context>
    <name>downhill::ui::LandscapePlot</name>
    <message>
        <source>The -grad arrow points down the steepest slope: minus the gradient.
The step is lr × minus the gradient (plus momentum).</source>
        <translation>Der Pfeil -grad zeigt den steilsten Hang hinab: der negative Gradient.
Der Schritt ist lr × der negative Gradient (plus Momentum).</translation>
    </message>
    <message>
        <source>Diverged — lower the learning rate and press Reset</source>
        <translation>Divergiert — Lernrate senken und Zurücksetzen drücken</translation>
    </message>
    <message>
        <source>%1 = %2, %3 = %4, loss = %5</source>
        <translation>%1 = %2, %3 = %4, Verlust = %5</translation>
    </message>
</context>
<context>
    <name>downhill::ui::LandscapeView3D</name>
    <message>
        <source>Training set</source>
        <translation>Trainingsdaten</translation>
    </message>
    <message>
        <source>Validation set</source>
        <translation>Validierungsdaten</translation>
    </message>
    <message>
        <source>The 2D plots show training and validation side by side; the 3D view draws one of them.</source>
        <translation>Die 2D-Diagramme zeigen Training und Validierung nebeneinander; die 3D-Ansicht zeichnet eines davon.</translation>
    </message>
    <message>
        <source>The 3D view appears when it is first shown.</source>
        <translation>Die 3D-Ansicht erscheint, sobald sie zum ersten Mal gezeigt wird.</translation>
    </message>
    <message>
        <source>The landscape in 3D: drag with the right button to rotate, scroll to zoom, click to read a point.</source>
        <translation>Die Landschaft in 3D: mit der rechten Maustaste ziehen dreht, das Mausrad zoomt, ein Klick liest einen Punkt ab.</translation>
    </message>
    <message>
        <source>No 3D view here: it needs an OpenGL context, which this display does not offer (a desktop session or Xvfb with GLX has one; the offscreen platform has none).</source>
        <translation>Hier gibt es keine 3D-Ansicht: sie braucht einen OpenGL-Kontext, den diese Anzeige nicht bietet (eine Desktop-Sitzung oder Xvfb mit GLX hat einen; die Offscreen-Plattform hat keinen).</translation>
    </message>
    <message>
        <source>Showing:</source>
        <translation>Zeigt:</translation>
    </message>
    <message>
        <source>Showing: %1</source>
        <translation>Zeigt: %1</translation>
    </message>
    <message>
        <source>Height: the loss, on a log scale</source>
        <translation>Höhe: der Verlust, logarithmisch</translation>
    </message>
    <message>
        <source>Height: the loss</source>
        <translation>Höhe: der Verlust</translation>
    </message>
    <message>
        <source>%1 @xLabel, %2 @zLabel, loss @yLabel</source>
        <translation>%1 @xLabel, %2 @zLabel, Verlust @yLabel</translation>
    </message>
    <message>
        <source>The 3D view cannot draw this landscape: its losses or coordinates are too large, or too finely spaced, for the graph&apos;s single-precision numbers (about seven digits, up to about 3e38). The 2D plot shows it.</source>
        <translation>Die 3D-Ansicht kann diese Landschaft nicht zeichnen: Ihre Verlustwerte oder Koordinaten sind zu groß oder zu fein abgestuft für die Zahlen einfacher Genauigkeit der Grafik (etwa sieben Stellen, bis etwa 3e38). Das 2D-Diagramm zeigt sie.</translation>
    </message>
</context>
<context>
    <name>downhill::ui::LossPlot</name>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>batch loss</source>
        <translation>Batch-Verlust</translation>
    </message>
    <message>
        <source>training loss (epoch)</source>
        <translation>Trainingsverlust (Epoche)</translation>
    </message>
    <message>
        <source>validation loss (epoch)</source>
        <translation>Validierungsverlust (Epoche)</translation>
    </message>
    <message>
        <source>step %1 · %2 %3</source>
        <translation>Schritt %1 · %2 %3</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source> · lr %1</source>
        <translation> · lr %1</translation>
    </message>
    <message>
        <source>
last epoch: train %1</source>
        <translation>
letzte Epoche: Training %1</translation>
    </message>
    <message>
        <source>, validation %1</source>
        <translation>, Validierung %1</translation>
    </message>
    <message>
        <source>main run: %1</source>
        <translation>Hauptlauf: %1</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>LR</translation>
    </message>
</context>
<context>
    <name>downhill::ui::MainWindow</name>
    <message>
        <source>Downhill</source>
        <translation>Downhill</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lektionen</translation>
    </message>
    <message>
        <source>Load the settings of this lesson and show what to watch for</source>
        <translation>Die Einstellungen dieser Lektion laden und zeigen, worauf zu achten ist</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Ra&amp;ce</source>
        <translation>&amp;Wettrennen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Steuerung</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>The run stopped: a step produced a loss or parameters that are not finite numbers.</source>
        <translation>Der Lauf wurde angehalten: ein Schritt ergab einen Verlust oder Parameter, die keine endlichen Zahlen sind.</translation>
    </message>
    <message>
        <source>The loss over two parameters. Click or drag to choose the starting point; scroll to zoom; drag with the right button to pan.</source>
        <translation>Der Verlust über zwei Parameter. Klicken oder ziehen, um den Startpunkt zu wählen; das Mausrad zoomt; Ziehen mit der rechten Maustaste verschiebt.</translation>
    </message>
    <message>
        <source>The images of the current batch with their true count and the model&apos;s prediction (with the parameters the step started from).</source>
        <translation>Die Bilder des aktuellen Batches mit ihrer wahren Anzahl und der Vorhersage des Modells (mit den Parametern, von denen der Schritt ausging).</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>Every number of the last step.</source>
        <translation>Alle Zahlen des letzten Schritts.</translation>
    </message>
    <message>
        <source>What you see</source>
        <translation>Was Sie sehen</translation>
    </message>
    <message>
        <source>A short explanation of the picture under the current settings (View → Teaching captions).</source>
        <translation>Eine kurze Erklärung des Bildes unter den aktuellen Einstellungen (Ansicht → Erläuterungen).</translation>
    </message>
    <message>
        <source>The objective and the update rule of the current run.</source>
        <translation>Die Zielfunktion und die Update-Regel des aktuellen Laufs.</translation>
    </message>
    <message>
        <source>Step card</source>
        <translation>Schrittkarte</translation>
    </message>
    <message>
        <source>Show the arithmetic of the last update with its real numbers</source>
        <translation>Die Rechnung des letzten Updates mit seinen echten Zahlen zeigen</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>Gradientenprüfung</translation>
    </message>
    <message>
        <source>Show the analytic gradient beside the numeric one at the current point</source>
        <translation>Den analytischen Gradienten neben dem numerischen am aktuellen Punkt zeigen</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Show the images, the split, the model&apos;s curve over the data and the augmentations</source>
        <translation>Die Bilder, die Aufteilung, die Kurve des Modells über den Daten und die Augmentierungen zeigen</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <source>Show a network&apos;s layers: each first-layer unit&apos;s weights as an image, live, and each layer&apos;s gradient norm</source>
        <translation>Die Schichten eines Netzes zeigen: die Gewichte jedes Neurons der ersten Schicht als Bild, live, und die Gradientennorm jeder Schicht</translation>
    </message>
    <message>
        <source>Race</source>
        <translation>Wettrennen</translation>
    </message>
    <message>
        <source>Race several optimizers from the same start on this landscape</source>
        <translation>Mehrere Optimierer vom selben Start auf dieser Landschaft gegeneinander antreten lassen</translation>
    </message>
    <message>
        <source>Race panel</source>
        <translation>Wettrennen-Leiste</translation>
    </message>
    <message>
        <source>3D view</source>
        <translation>3D-Ansicht</translation>
    </message>
    <message>
        <source>Show the landscape as a surface in 3D with the path on it (right drag rotates, the wheel zooms)</source>
        <translation>Die Landschaft als Fläche in 3D mit dem Pfad darauf zeigen (Ziehen mit rechts dreht, das Mausrad zoomt)</translation>
    </message>
    <message>
        <source>3D view (unavailable: built without Qt Data Visualization)</source>
        <translation>3D-Ansicht (nicht verfügbar: ohne Qt Data Visualization gebaut)</translation>
    </message>
    <message>
        <source>Install qt6-datavisualization-dev (./setup.sh does) and build again for the 3D view</source>
        <translation>Installieren Sie qt6-datavisualization-dev (./setup.sh tut das) und bauen Sie neu für die 3D-Ansicht</translation>
    </message>
    <message>
        <source>Landscape: %1</source>
        <translation>Landschaft: %1</translation>
    </message>
    <message>
        <source>%1 = %2   %3 = %4   loss %5</source>
        <translation>%1 = %2   %3 = %4   Verlust %5</translation>
    </message>
    <message>
        <source>step %1   loss %2</source>
        <translation>Schritt %1   Verlust %2</translation>
    </message>
    <message>
        <source>About Downhill</source>
        <translation>Über Downhill</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Downhill %1&lt;/h3&gt;&lt;p&gt;Gradient descent at work: a small model learns to count the people in tiny images, and Downhill draws its loss as a landscape over two parameters, with the point where training stands, the gradient, the step taken and the path so far.&lt;/p&gt;&lt;p&gt;Update rules follow PyTorch&apos;s documented semantics.&lt;/p&gt;&lt;p&gt;License: GPL-3.0-or-later. Plots by QCustomPlot (GPL-3.0); linear algebra by Eigen.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Downhill %1&lt;/h3&gt;&lt;p&gt;Gradientenabstieg bei der Arbeit: ein kleines Modell lernt, die Personen in winzigen Bildern zu zählen, und Downhill zeichnet seinen Verlust als Landschaft über zwei Parameter, mit dem Punkt, an dem das Training steht, dem Gradienten, dem gemachten Schritt und dem bisherigen Pfad.&lt;/p&gt;&lt;p&gt;Die Update-Regeln folgen der dokumentierten Semantik von PyTorch.&lt;/p&gt;&lt;p&gt;Lizenz: GPL-3.0-or-later. Diagramme mit QCustomPlot (GPL-3.0); lineare Algebra mit Eigen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Loss during training: every step&apos;s batch loss (grey), each epoch&apos;s training (blue) and validation (orange) loss, and the learning rate (green, dashed). Double-click to follow the data again.</source>
        <translation>Verlust während des Trainings: der Batch-Verlust jedes Schritts (grau), der Trainings- (blau) und Validierungsverlust (orange) jeder Epoche und die Lernrate (grün, gestrichelt). Doppelklick: wieder den Daten folgen.</translation>
    </message>
    <message>
        <source>Show every number of the last step and what the picture means</source>
        <translation>Jede Zahl des letzten Schritts zeigen und was das Bild bedeutet</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Show the loss during training and the images of the current batch</source>
        <translation>Den Verlust während des Trainings und die Bilder des aktuellen Batches zeigen</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <comment>Lessons menu: the lesson&apos;s number (from its file name), then its title</comment>
        <translation>%1  %2</translation>
    </message>
</context>
<context>
    <name>downhill::ui::NetworkPanel</name>
    <message>
        <source>The network panel shows a network&apos;s layers: choose a network under Model (“Networks on the pixels”).</source>
        <translation>Die Netz-Leiste zeigt die Schichten eines Netzes: wählen Sie unter Modell ein Netz („Netze auf den Pixeln“).</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>|gradient| per layer</source>
        <translation>|Gradient| je Schicht</translation>
    </message>
    <message>
        <source>Each linear layer&apos;s gradient norm |dL/dW, dL/db| at every step (log scale): a layer whose curve sinks far below the others learns slowly</source>
        <translation>Die Gradientennorm |dL/dW, dL/db| jeder linearen Schicht bei jedem Schritt (logarithmisch): eine Schicht, deren Kurve weit unter die anderen sinkt, lernt langsam</translation>
    </message>
    <message>
        <source>%1: %2, %3 parameters</source>
        <translation>%1: %2, %3 Parameter</translation>
    </message>
    <message>
        <source> · step %1</source>
        <translation> · Schritt %1</translation>
    </message>
    <message>
        <source>Linear %1 %2</source>
        <translation>Linear %1 %2</translation>
    </message>
    <message>
        <source>
|gradient|: %1</source>
        <translation>
|Gradient|: %1</translation>
    </message>
    <message>
        <source>|gradient|</source>
        <translation>|Gradient|</translation>
    </message>
</context>
<context>
    <name>downhill::ui::NetworkView</name>
    <message>
        <source>Each square: one unit of the first layer, its incoming weight from every pixel where that pixel sits. Red: positive, blue: negative, white: near 0.</source>
        <translation>Jedes Quadrat: ein Neuron der ersten Schicht, sein eingehendes Gewicht von jedem Pixel dort, wo das Pixel liegt. Rot: positiv, Blau: negativ, Weiß: nahe 0.</translation>
    </message>
    <message>
        <source>%1: weights per unit</source>
        <translation>%1: Gewichte je Neuron</translation>
    </message>
    <message>
        <source> (first %1)</source>
        <translation> (die ersten %1)</translation>
    </message>
    <message>
        <source>%1: weights into y</source>
        <translation>%1: Gewichte nach y</translation>
    </message>
    <message>
        <source>%1: a row per unit</source>
        <translation>%1: eine Zeile je Neuron</translation>
    </message>
</context>
<context>
    <name>downhill::ui::PresentationMode</name>
    <message>
        <source>Presentation mode: F5 to leave</source>
        <translation>Präsentationsmodus: F5 zum Verlassen</translation>
    </message>
</context>
<context>
    <name>downhill::ui::RaceMode</name>
    <message>
        <source>Play race</source>
        <translation>Rennen abspielen</translation>
    </message>
    <message>
        <source>Step every entrant of the race together at the chosen speed, or pause</source>
        <translation>Alle Teilnehmer des Rennens gemeinsam im gewählten Tempo schrittweise trainieren oder anhalten</translation>
    </message>
    <message>
        <source>Step race</source>
        <translation>Rennen: Schritt</translation>
    </message>
    <message>
        <source>One update for every entrant of the race</source>
        <translation>Ein Update für jeden Teilnehmer des Rennens</translation>
    </message>
    <message>
        <source>Reset race</source>
        <translation>Rennen zurücksetzen</translation>
    </message>
    <message>
        <source>Every entrant back to the start point: step 0, fresh optimizer state</source>
        <translation>Alle Teilnehmer zurück zum Startpunkt: Schritt 0, frischer Zustand der Optimierer</translation>
    </message>
    <message>
        <source>SGD vs momentum vs RMSprop vs Adam</source>
        <translation>SGD gegen Momentum gegen RMSprop gegen Adam</translation>
    </message>
    <message>
        <source>Race four classic optimizers with learning rates worked out for this landscape</source>
        <translation>Vier klassische Optimierer mit für diese Landschaft ausgerechneten Lernraten antreten lassen</translation>
    </message>
    <message>
        <source>Clear race</source>
        <translation>Rennen leeren</translation>
    </message>
    <message>
        <source>Remove every entrant and the race&apos;s paths</source>
        <translation>Alle Teilnehmer und die Pfade des Rennens entfernen</translation>
    </message>
    <message>
        <source>Entrant %1: %2</source>
        <translation>Teilnehmer %1: %2</translation>
    </message>
    <message>
        <source>. The others race on.</source>
        <translation>. Die anderen laufen weiter.</translation>
    </message>
    <message>
        <source>catching up… step %1 of %2</source>
        <translation>holt auf… Schritt %1 von %2</translation>
    </message>
    <message>
        <source>step 0 · ready</source>
        <translation>Schritt 0 · bereit</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>loss %1</source>
        <translation>Verlust %1</translation>
    </message>
    <message>
        <source>Pause race</source>
        <translation>Rennen anhalten</translation>
    </message>
    <message>
        <source>Main run: %1</source>
        <translation>Hauptlauf: %1</translation>
    </message>
</context>
<context>
    <name>downhill::ui::RacePanel</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add an entrant: a copy of the last one, to change one setting (at most %1)</source>
        <translation>Einen Teilnehmer hinzufügen: eine Kopie des letzten, um eine Einstellung zu ändern (höchstens %1)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Remove every entrant and the race&apos;s paths</source>
        <translation>Alle Teilnehmer und die Pfade des Rennens entfernen</translation>
    </message>
    <message>
        <source>Several optimizers from the main run&apos;s start point on this landscape, stepped together: each has its colour, its path, its legend entry and its loss curve. Start with the preset or add entrants.</source>
        <translation>Mehrere Optimierer vom Startpunkt des Hauptlaufs auf dieser Landschaft, gemeinsam schrittweise trainiert: jeder hat seine Farbe, seinen Pfad, seinen Eintrag in der Legende und seine Verlustkurve. Beginnen Sie mit der Vorlage oder fügen Sie Teilnehmer hinzu.</translation>
    </message>
    <message>
        <source>The update rule (PyTorch&apos;s semantics)</source>
        <translation>Die Update-Regel (Semantik von PyTorch)</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Remove this entrant</source>
        <translation>Diesen Teilnehmer entfernen</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>LR</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>Momentum</translation>
    </message>
    <message>
        <source>Momentum (the weight of past gradients)</source>
        <translation>Momentum (das Gewicht vergangener Gradienten)</translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <source>betas</source>
        <translation>Betas</translation>
    </message>
    <message>
        <source>Adam&apos;s beta1: the average of gradients</source>
        <translation>beta1 von Adam: das Mittel der Gradienten</translation>
    </message>
    <message>
        <source>Adam&apos;s beta2: the average of squared gradients</source>
        <translation>beta2 von Adam: das Mittel der quadrierten Gradienten</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Samples per update (the largest value is the whole training set)</source>
        <translation>Beispiele pro Update (der größte Wert sind alle Trainingsdaten)</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>nicht gestartet</translation>
    </message>
    <message>
        <source>Preset: four optimizers</source>
        <translation>Vorlage: vier Optimierer</translation>
    </message>
    <message>
        <source>SGD, SGD with momentum 0.9, RMSprop and Adam, with learning rates worked out for this landscape</source>
        <translation>SGD, SGD mit Momentum 0,9, RMSprop und Adam, mit für diese Landschaft ausgerechneten Lernraten</translation>
    </message>
</context>
<context>
    <name>downhill::ui::ReadoutPanel</name>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Updates taken so far.</source>
        <translation>Bisher gemachte Updates.</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Passes through the training set completed (0-based: the epoch now running).</source>
        <translation>Abgeschlossene Durchgänge durch die Trainingsdaten (ab 0 gezählt: die Epoche, die gerade läuft).</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>The last batch&apos;s number within its epoch, of how many.</source>
        <translation>Die Nummer des letzten Batches in seiner Epoche, von wie vielen.</translation>
    </message>
    <message>
        <source>lr now</source>
        <translation>lr jetzt</translation>
    </message>
    <message>
        <source>The learning rate the schedule gave the last step.</source>
        <translation>Die Lernrate, die der Zeitplan dem letzten Schritt gab.</translation>
    </message>
    <message>
        <source>batch loss</source>
        <translation>Batch-Verlust</translation>
    </message>
    <message>
        <source>Mean loss over the last batch, before its update.</source>
        <translation>Mittlerer Verlust über den letzten Batch, vor seinem Update.</translation>
    </message>
    <message>
        <source>train loss</source>
        <translation>Train.-Verlust</translation>
    </message>
    <message>
        <source>Loss over the whole training set after the last update.</source>
        <translation>Verlust über alle Trainingsdaten nach dem letzten Update.</translation>
    </message>
    <message>
        <source>val loss</source>
        <translation>Val.-Verlust</translation>
    </message>
    <message>
        <source>Loss on the validation set at the end of the last epoch.</source>
        <translation>Verlust auf den Validierungsdaten am Ende der letzten Epoche.</translation>
    </message>
    <message>
        <source>|gradient|</source>
        <translation>|Gradient|</translation>
    </message>
    <message>
        <source>Length of the last batch&apos;s gradient.</source>
        <translation>Länge des Gradienten des letzten Batches.</translation>
    </message>
    <message>
        <source>off plane</source>
        <translation>neben Ebene</translation>
    </message>
    <message>
        <source>How far the current point stands from the plotted plane: the path drawn is its projection, not the path. The share is of the length of the parameter vector.</source>
        <translation>Wie weit der aktuelle Punkt von der gezeichneten Ebene entfernt ist: der gezeichnete Pfad ist seine Projektion, nicht der Pfad selbst. Der Anteil bezieht sich auf die Länge des Parametervektors.</translation>
    </message>
    <message>
        <source>Each parameter and the gradient of the batch loss with respect to it.</source>
        <translation>Jeder Parameter und der Gradient des Batch-Verlusts nach ihm.</translation>
    </message>
    <message>
        <source>%1 parameters
|w| = %2</source>
        <translation>%1 Parameter
|w| = %2</translation>
    </message>
    <message>
        <source>largest |dL/dw|:</source>
        <translation>größtes |dL/dw|:</translation>
    </message>
</context>
<context>
    <name>downhill::ui::RunBuilder</name>
    <message>
        <source>No PCA plane yet: %1. Train a few steps, then choose it again.</source>
        <translation>Noch keine PCA-Ebene: %1. Trainieren Sie ein paar Schritte und wählen Sie sie dann noch einmal.</translation>
    </message>
    <message>
        <source>No random plane here: %1. Showing two parameters instead.</source>
        <translation>Hier keine zufällige Ebene: %1. Stattdessen werden zwei Parameter gezeigt.</translation>
    </message>
    <message>
        <source>The training loss at the start point overflows (it is not a finite number): the data&apos;s numbers are too large for this model. The first step will diverge; scale the data down.</source>
        <translation>Der Trainingsverlust am Startpunkt läuft über (er ist keine endliche Zahl): die Zahlen der Daten sind für dieses Modell zu groß. Der erste Schritt wird divergieren; skalieren Sie die Daten herunter.</translation>
    </message>
    <message>
        <source>The settings are back to what they were at this step.</source>
        <translation>Die Einstellungen sind wieder so, wie sie bei diesem Schritt waren.</translation>
    </message>
    <message>
        <source>Cancelled: the run is as it was.</source>
        <translation>Abgebrochen: der Lauf ist unverändert.</translation>
    </message>
</context>
<context>
    <name>downhill::ui::RunPresenter</name>
    <message>
        <source>before the change at step %1</source>
        <translation>vor der Änderung bei Schritt %1</translation>
    </message>
    <message>
        <source>%1. The path ends at the last finite point: lower the learning rate and press Reset (R).</source>
        <translation>%1. Der Pfad endet am letzten endlichen Punkt: senken Sie die Lernrate und drücken Sie Zurücksetzen (R).</translation>
    </message>
    <message>
        <source>Diverged at step %1 — lower the learning rate and press Reset</source>
        <translation>Divergiert bei Schritt %1 — Lernrate senken und Zurücksetzen drücken</translation>
    </message>
</context>
<context>
    <name>downhill::ui::SpeedControl</name>
    <message>
        <source>%1 steps/s</source>
        <translation>%1 Schritte/s</translation>
    </message>
    <message>
        <source>Training speed while playing: from 1 step per second (to follow every step) to max (as fast as the engine runs).</source>
        <translation>Trainingstempo beim Abspielen: von 1 Schritt pro Sekunde (um jedem Schritt zu folgen) bis max (so schnell, wie die Rechnung läuft).</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>max</source>
        <translation>max</translation>
    </message>
    <message>
        <source>1 step/s</source>
        <translation>1 Schritt/s</translation>
    </message>
</context>
<context>
    <name>downhill::ui::StepCard</name>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the whole step as plain text, to paste into notes or a slide</source>
        <translation>Den ganzen Schritt als reinen Text kopieren, zum Einfügen in Notizen oder eine Folie</translation>
    </message>
    <message>
        <source>Press Step (Right arrow) to see the arithmetic of one update.</source>
        <translation>Drücken Sie Schritt (Pfeil nach rechts), um die Rechnung eines Updates zu sehen.</translation>
    </message>
    <message>
        <source> + momentum %1</source>
        <translation> + Momentum %1</translation>
    </message>
    <message>
        <source>Step %1 · %2 · lr %3</source>
        <translation>Schritt %1 · %2 · lr %3</translation>
    </message>
    <message>
        <source> · batch of %1 · mean loss %2</source>
        <translation> · Batch aus %1 · mittlerer Verlust %2</translation>
    </message>
    <message>
        <source> · f = %1</source>
        <translation> · f = %1</translation>
    </message>
    <message>
        <source>The arithmetic of one step</source>
        <translation>Die Rechnung eines Schritts</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>downhill::ui::SurfaceArea</name>
    <message>
        <source>The validation loss over the same two parameters, with the same path. Zoom and pan move both plots; the filled star is this surface&apos;s minimum, the hollow one the training minimum.</source>
        <translation>Der Validierungsverlust über dieselben zwei Parameter, mit demselben Pfad. Zoomen und Verschieben bewegen beide Diagramme; der gefüllte Stern ist das Minimum dieser Fläche, der hohle das Trainingsminimum.</translation>
    </message>
</context>
<context>
    <name>downhill::ui::SurfaceFeeder</name>
    <message>
        <source>1 sample</source>
        <translation>1 Beispiel</translation>
    </message>
    <message>
        <source>%1 samples</source>
        <translation>%1 Beispiele</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training set&lt;/b&gt; (%1)%2</source>
        <translation>&lt;b&gt;Training&lt;/b&gt; (%1)%2</translation>
    </message>
    <message>
        <source> · ★ min · ☆ val min</source>
        <translation> · ★ Min. · ☆ Val.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Validation set&lt;/b&gt; (%1)%2</source>
        <translation>&lt;b&gt;Validierung&lt;/b&gt; (%1)%2</translation>
    </message>
    <message>
        <source> · ★ min · ☆ train min</source>
        <translation> · ★ Min. · ☆ Train.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Current batch&lt;/b&gt; · no step yet: the training set until the first update</source>
        <translation>&lt;b&gt;Aktueller Batch&lt;/b&gt; · noch kein Schritt: bis zum ersten Update die Trainingsdaten</translation>
    </message>
    <message>
        <source>&lt;b&gt;Current batch&lt;/b&gt; · batch %1 of epoch %2 (step %3) · %4%5</source>
        <translation>&lt;b&gt;Aktueller Batch&lt;/b&gt; · Batch %1 von Epoche %2 (Schritt %3) · %4%5</translation>
    </message>
    <message>
        <source> · coarse while playing fast</source>
        <translation> · grob bei schnellem Abspielen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · the function itself (no data)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · die Funktion selbst (keine Daten)</translation>
    </message>
    <message>
        <source> · &lt;i&gt;no validation set: raise Validation under Data&lt;/i&gt;</source>
        <translation> · &lt;i&gt;keine Validierungsdaten: Validierung unter Daten erhöhen&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>downhill::ui::TimelineBar</name>
    <message>
        <source>The run so far. Drag to any step: the landscape, the loss plot and every number show that moment, exactly. Change a setting there and training goes on from it as a new branch; the old path stays drawn in grey.</source>
        <translation>Der bisherige Lauf. Ziehen Sie zu einem beliebigen Schritt: Landschaft, Verlustkurve und alle Zahlen zeigen genau diesen Moment. Ändern Sie dort eine Einstellung, und das Training geht von da als neuer Zweig weiter; der alte Pfad bleibt grau gezeichnet.</translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
</context>
<context>
    <name>downhill::ui::Transport</name>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Reset undone: the run is back at step %L1.</source>
        <translation>Zurücksetzen rückgängig gemacht: Der Lauf steht wieder bei Schritt %L1.</translation>
    </message>
    <message>
        <source>Back at step 0. Undo reset (%1) brings back the run to step %L2.</source>
        <translation>Zurück bei Schritt 0. Mit „Zurücksetzen rückgängig machen“ (%1) holen Sie den Lauf bis Schritt %L2 zurück.</translation>
    </message>
</context>
<context>
    <name>downhill::ui::UserGuideDialog</name>
    <message>
        <source>Downhill user guide</source>
        <translation>Downhill-Benutzerhandbuch</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
</context>
<context>
    <name>downhill::ui::ViewModes</name>
    <message>
        <source>Control panel</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Show or fold away the settings on the left, to give the landscape the room</source>
        <translation>Die Einstellungen links zeigen oder wegklappen, damit die Landschaft den Platz bekommt</translation>
    </message>
    <message>
        <source>Plot only</source>
        <translation>Nur die Landschaft</translation>
    </message>
    <message>
        <source>Show the landscape alone, for the moment a class should look at it; press again for the rest</source>
        <translation>Nur die Landschaft zeigen, für den Moment, in dem die Klasse sie ansehen soll; erneut drücken für den Rest</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <source>Fill the screen with the window; press again to leave</source>
        <translation>Das Fenster füllt den Bildschirm; erneut drücken zum Verlassen</translation>
    </message>
    <message>
        <source>Follow the point</source>
        <translation>Dem Punkt folgen</translation>
    </message>
    <message>
        <source>When the run&apos;s point leaves the view, widen the view to the whole path</source>
        <translation>Verlässt der Punkt des Laufs die Ansicht, die Ansicht auf den ganzen Pfad erweitern</translation>
    </message>
    <message>
        <source>Follow the desktop</source>
        <translation>Wie die Arbeitsumgebung</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark (for a dim room)</source>
        <translation>Dunkel (für einen abgedunkelten Raum)</translation>
    </message>
</context>
</TS>
