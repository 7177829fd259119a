<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ArrowLayer</name>
    <message>
        <source>velocity</source>
        <translation>vitesse</translation>
    </message>
    <message>
        <source>step</source>
        <translation>pas</translation>
    </message>
    <message>
        <source>off the map</source>
        <translation>hors de la carte</translation>
    </message>
</context>
<context>
    <name>Figure</name>
    <message>
        <source>Cannot write &quot;%1&quot;: %2.</source>
        <translation>Impossible d’écrire «&#xa0;%1&#xa0;»&#xa0;: %2.</translation>
    </message>
    <message>
        <source>rendering failed</source>
        <translation>le rendu a échoué</translation>
    </message>
</context>
<context>
    <name>FrameFolder</name>
    <message>
        <source>Cannot write frames to &quot;%1&quot;: it is a file, not a folder.</source>
        <translation>Impossible d’écrire les images dans «&#xa0;%1&#xa0;»&#xa0;: c’est un fichier, pas un dossier.</translation>
    </message>
    <message>
        <source>Cannot write frames to &quot;%1&quot;: the folder holds other files (%2); choose an empty or new folder.</source>
        <translation>Impossible d’écrire les images dans «&#xa0;%1&#xa0;»&#xa0;: le dossier contient d’autres fichiers (%2)&#xa0;; choisissez un dossier vide ou nouveau.</translation>
    </message>
    <message>
        <source>Cannot write frames to &quot;%1&quot;: cannot create the folder &quot;%2&quot;.</source>
        <translation>Impossible d’écrire les images dans «&#xa0;%1&#xa0;»&#xa0;: impossible de créer le dossier «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>Cannot write frames to &quot;%1&quot;: cannot create a folder in &quot;%2&quot;.</source>
        <translation>Impossible d’écrire les images dans «&#xa0;%1&#xa0;»&#xa0;: impossible de créer un dossier dans «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>Cannot add a frame: the folder is not open.</source>
        <translation>Impossible d’ajouter une image&#xa0;: le dossier n’est pas ouvert.</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: %2.</source>
        <translation>Impossible d’écrire «&#xa0;%1&#xa0;»&#xa0;: %2.</translation>
    </message>
    <message>
        <source>the image could not be encoded (is the disk full?)</source>
        <translation>l’image n’a pas pu être encodée (le disque est-il plein&#xa0;?)</translation>
    </message>
    <message>
        <source>Cannot write frames: the folder is not open.</source>
        <translation>Impossible d’écrire les images&#xa0;: le dossier n’est pas ouvert.</translation>
    </message>
    <message>
        <source>Cannot write frames to &quot;%1&quot;: there are no frames to write.</source>
        <translation>Impossible d’écrire les images dans «&#xa0;%1&#xa0;»&#xa0;: il n’y a aucune image à écrire.</translation>
    </message>
    <message>
        <source>Cannot replace the folder &quot;%1&quot;.</source>
        <translation>Impossible de remplacer le dossier «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Cannot move the frames into &quot;%1&quot;.</source>
        <translation>Impossible de déplacer les images dans «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>GifWriter</name>
    <message>
        <source>Cannot write &quot;%1&quot;: %2.</source>
        <translation>Impossible d’écrire «&#xa0;%1&#xa0;»&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: there are no frames to write.</source>
        <translation>Impossible d’écrire «&#xa0;%1&#xa0;»&#xa0;: il n’y a aucune image à écrire.</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: a GIF frame must be 1 to 65535 pixels on each side.</source>
        <translation>Impossible d’écrire «&#xa0;%1&#xa0;»&#xa0;: une image GIF doit mesurer de 1 à 65535 pixels de côté.</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: the folder does not exist.</source>
        <translation>Impossible d’écrire «&#xa0;%1&#xa0;»&#xa0;: le dossier n’existe pas.</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: it is a folder.</source>
        <translation>Impossible d’écrire «&#xa0;%1&#xa0;»&#xa0;: c’est un dossier.</translation>
    </message>
    <message>
        <source>Cannot add a frame: the GIF is not open.</source>
        <translation>Impossible d’ajouter une image&#xa0;: le GIF n’est pas ouvert.</translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <source>Play</source>
        <translation>Lancer</translation>
    </message>
    <message>
        <source>Train continuously at the chosen speed, or pause</source>
        <translation>Entraîner en continu à la vitesse choisie, ou mettre en pause</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Un pas</translation>
    </message>
    <message>
        <source>Take exactly one update (one batch)</source>
        <translation>Faire exactement une mise à jour (un lot)</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Une époque</translation>
    </message>
    <message>
        <source>Take updates until the current epoch ends (one pass over the training set)</source>
        <translation>Faire des mises à jour jusqu’à la fin de l’époque en cours (un passage sur l’ensemble d’entraînement)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Reculer</translation>
    </message>
    <message>
        <source>Go back one update, exactly: parameters, optimizer state, schedule and batch as they were</source>
        <translation>Revenir exactement une mise à jour en arrière&#xa0;: paramètres, état de l’optimiseur, planification et lot tels qu’ils étaient</translation>
    </message>
    <message>
        <source>Epoch back</source>
        <translation>Reculer d’une époque</translation>
    </message>
    <message>
        <source>Go back to the start of this epoch (or of the one before, when at its start)</source>
        <translation>Revenir au début de cette époque (ou de la précédente, si elle vient de commencer)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>Go back to the starting point: step 0, fresh optimizer state</source>
        <translation>Revenir au point de départ&#xa0;: pas 0, état de l’optimiseur remis à neuf</translation>
    </message>
    <message>
        <source>Undo reset</source>
        <translation>Annuler la réinitialisation</translation>
    </message>
    <message>
        <source>Bring back the run as it was before the last Reset, every step of it (Back works again)</source>
        <translation>Rétablir l’entraînement tel qu’il était avant la dernière réinitialisation, avec chacun de ses pas (Reculer fonctionne de nouveau)</translation>
    </message>
    <message>
        <source>Open settings…</source>
        <translation>Ouvrir des réglages…</translation>
    </message>
    <message>
        <source>Load every setting from a JSON file</source>
        <translation>Charger tous les réglages depuis un fichier JSON</translation>
    </message>
    <message>
        <source>Save settings…</source>
        <translation>Enregistrer les réglages…</translation>
    </message>
    <message>
        <source>Save every setting to a JSON file</source>
        <translation>Enregistrer tous les réglages dans un fichier JSON</translation>
    </message>
    <message>
        <source>Save run…</source>
        <translation>Enregistrer l’entraînement…</translation>
    </message>
    <message>
        <source>Save the whole run (settings, start and every change of settings) so that it can be reopened and replayed exactly</source>
        <translation>Enregistrer tout l’entraînement (réglages, départ et chaque changement de réglage) pour pouvoir le rouvrir et le rejouer à l’identique</translation>
    </message>
    <message>
        <source>Open run…</source>
        <translation>Ouvrir un entraînement…</translation>
    </message>
    <message>
        <source>Reopen a saved run: it is replayed step for step to where it was saved</source>
        <translation>Rouvrir un entraînement enregistré&#xa0;: il est rejoué pas à pas jusqu’à l’endroit où il a été enregistré</translation>
    </message>
    <message>
        <source>Open data file (CSV)…</source>
        <translation>Ouvrir un fichier de données (CSV)…</translation>
    </message>
    <message>
        <source>Train on a CSV file with columns x and count</source>
        <translation>Entraîner sur un fichier CSV avec les colonnes x et count</translation>
    </message>
    <message>
        <source>Open image folder…</source>
        <translation>Ouvrir un dossier d’images…</translation>
    </message>
    <message>
        <source>Train on a folder of PNG images with a labels.csv (image,count)</source>
        <translation>Entraîner sur un dossier d’images PNG accompagné d’un labels.csv (image,count)</translation>
    </message>
    <message>
        <source>Use built-in data</source>
        <translation>Utiliser les données intégrées</translation>
    </message>
    <message>
        <source>Go back to the built-in people-counting images</source>
        <translation>Revenir aux images intégrées de comptage de personnes</translation>
    </message>
    <message>
        <source>Export landscape…</source>
        <translation>Exporter le paysage…</translation>
    </message>
    <message>
        <source>Save the landscape plot as PNG, SVG or PDF</source>
        <translation>Enregistrer le paysage en PNG, SVG ou PDF</translation>
    </message>
    <message>
        <source>Export loss plot…</source>
        <translation>Exporter la courbe de perte…</translation>
    </message>
    <message>
        <source>Save the loss plot as PNG, SVG or PDF</source>
        <translation>Enregistrer la courbe de perte en PNG, SVG ou PDF</translation>
    </message>
    <message>
        <source>Export path as CSV…</source>
        <translation>Exporter la trajectoire en CSV…</translation>
    </message>
    <message>
        <source>Save every recorded step (thinned evenly on very long runs) as CSV</source>
        <translation>Enregistrer en CSV chaque pas mémorisé (sous-échantillonné régulièrement pour les très longs entraînements)</translation>
    </message>
    <message>
        <source>Export loss history as CSV…</source>
        <translation>Exporter l’historique de perte en CSV…</translation>
    </message>
    <message>
        <source>Save each epoch&apos;s training and validation loss as CSV</source>
        <translation>Enregistrer en CSV la perte d’entraînement et de validation de chaque époque</translation>
    </message>
    <message>
        <source>Export animation…</source>
        <translation>Exporter une animation…</translation>
    </message>
    <message>
        <source>Save the run from step 0 to the timeline position as an animated GIF or numbered PNG frames, for slides</source>
        <translation>Enregistrer l’entraînement, du pas 0 à la position de la ligne de temps, en GIF animé ou en images PNG numérotées, pour des diapositives</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Close Downhill</source>
        <translation>Fermer Downhill</translation>
    </message>
    <message>
        <source>Gradient field</source>
        <translation>Champ de gradient</translation>
    </message>
    <message>
        <source>Show small arrows of minus the gradient all over the landscape</source>
        <translation>Afficher de petites flèches de moins le gradient sur tout le paysage</translation>
    </message>
    <message>
        <source>Teaching captions</source>
        <translation>Explications</translation>
    </message>
    <message>
        <source>Show the short explanations beside and on the plots</source>
        <translation>Afficher les courtes explications à côté des graphiques et sur eux</translation>
    </message>
    <message>
        <source>Log loss scale</source>
        <translation>Perte en échelle log</translation>
    </message>
    <message>
        <source>Logarithmic loss axis in the loss plot</source>
        <translation>Axe de perte logarithmique dans la courbe de perte</translation>
    </message>
    <message>
        <source>Fit to path</source>
        <translation>Cadrer sur la trajectoire</translation>
    </message>
    <message>
        <source>Zoom the landscape to the path so far</source>
        <translation>Zoomer le paysage sur la trajectoire parcourue jusqu’ici</translation>
    </message>
    <message>
        <source>Fit to minimum</source>
        <translation>Cadrer sur le minimum</translation>
    </message>
    <message>
        <source>Zoom the landscape around its lowest point</source>
        <translation>Zoomer le paysage autour de son point le plus bas</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>Réinitialiser la vue</translation>
    </message>
    <message>
        <source>Show the start point and the minimum with a margin</source>
        <translation>Afficher le point de départ et le minimum avec une marge</translation>
    </message>
    <message>
        <source>About Downhill</source>
        <translation>À propos de Downhill</translation>
    </message>
    <message>
        <source>What Downhill is</source>
        <translation>Ce qu’est Downhill</translation>
    </message>
    <message>
        <source>Presentation mode</source>
        <translation>Mode présentation</translation>
    </message>
    <message>
        <source>Larger text and thicker lines for a projector; press again for the normal sizes</source>
        <translation>Texte plus grand et lignes plus épaisses pour un vidéoprojecteur&#xa0;; appuyez de nouveau pour revenir aux tailles normales</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>List the keys</source>
        <translation>Lister les touches</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guide de l’utilisateur</translation>
    </message>
    <message>
        <source>The window, the lessons and what is behind them, explained (docs/user-guide.md)</source>
        <translation>La fenêtre, les leçons et ce qu’il y a derrière, expliqués (docs/user-guide.md, en anglais)</translation>
    </message>
    <message>
        <source>&lt;table&gt;%1&lt;/table&gt;&lt;p&gt;On the landscape: click or drag to set the start point, scroll to zoom, drag with the right button to pan.&lt;/p&gt;</source>
        <translation>&lt;table&gt;%1&lt;/table&gt;&lt;p&gt;Sur le paysage&#xa0;: cliquez ou faites glisser pour placer le point de départ, la molette zoome, faites glisser avec le bouton droit pour déplacer la vue.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MapLayer</name>
    <message>
        <source>loss</source>
        <translation>perte</translation>
    </message>
    <message>
        <source>updating landscape…</source>
        <translation>calcul du paysage…</translation>
    </message>
    <message>
        <source>loss (log scale)</source>
        <translation>perte (échelle log)</translation>
    </message>
    <message>
        <source>grid min %1</source>
        <translation>min. de la grille %1</translation>
    </message>
    <message>
        <source>log loss</source>
        <translation>perte log</translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <source>Cannot export to &quot;%1&quot;: unknown file type; use .png, .svg or .pdf.</source>
        <translation>Impossible d’exporter vers «&#xa0;%1&#xa0;»&#xa0;: type de fichier inconnu&#xa0;; utilisez .png, .svg ou .pdf.</translation>
    </message>
    <message>
        <source>Cannot export to &quot;%1&quot;: the folder does not exist.</source>
        <translation>Impossible d’exporter vers «&#xa0;%1&#xa0;»&#xa0;: le dossier n’existe pas.</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: %2.</source>
        <translation>Impossible d’écrire «&#xa0;%1&#xa0;»&#xa0;: %2.</translation>
    </message>
    <message>
        <source>rendering failed</source>
        <translation>le rendu a échoué</translation>
    </message>
</context>
<context>
    <name>ProblemLoader</name>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Opening data</source>
        <translation>Ouverture des données</translation>
    </message>
</context>
<context>
    <name>RunAnimation</name>
    <message>
        <source>%1 — diverged at step %2</source>
        <translation>%1 — divergence au pas %2</translation>
    </message>
    <message>
        <source>%1 — diverged</source>
        <translation>%1 — divergence</translation>
    </message>
    <message>
        <source>%1 · step %2</source>
        <translation>%1 · pas %2</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: there are no frames to write.</source>
        <translation>Impossible d’écrire «&#xa0;%1&#xa0;»&#xa0;: il n’y a aucune image à écrire.</translation>
    </message>
</context>
<context>
    <name>TeachingText</name>
    <message>
        <source>constant</source>
        <translation>constant</translation>
    </message>
    <message>
        <source>×%1 every step</source>
        <translation>×%1 à chaque pas</translation>
    </message>
    <message>
        <source>×%1 every %2 steps</source>
        <translation>×%1 tous les %2 pas</translation>
    </message>
    <message>
        <source>a half cosine over %1 steps</source>
        <translation>un demi-cosinus sur %1 pas</translation>
    </message>
    <message>
        <source>cosine restarting after %1 steps</source>
        <translation>un cosinus qui redémarre après %1 pas</translation>
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
        <translation>&lt;b&gt;Le paysage&lt;/b&gt; est la fonction %1 elle-même&#xa0;; plus c’est sombre, plus c’est bas.</translation>
    </message>
    <message>
        <source>A curved canyon with a flat floor: the gradient points down the steep walls, not along the floor to the minimum at (1, 1).</source>
        <translation>Un canyon courbe au fond plat&#xa0;: le gradient pointe vers le bas des parois abruptes, pas le long du fond vers le minimum en (1, 1).</translation>
    </message>
    <message>
        <source>Four minima of equal height: where the run ends depends on where it starts. Click elsewhere to try.</source>
        <translation>Quatre minima de même hauteur&#xa0;: l’endroit où l’entraînement aboutit dépend de celui où il commence. Cliquez ailleurs pour essayer.</translation>
    </message>
    <message>
        <source>Flat plateaus and sharp ridges: the gradient is tiny on one and huge on the other.</source>
        <translation>Des plateaux plats et des crêtes aiguës&#xa0;: le gradient est minuscule sur les uns et énorme sur les autres.</translation>
    </message>
    <message>
        <source>A saddle point at (0, 0): uphill along x, downhill along y. The gradient vanishes there although it is no minimum.</source>
        <translation>Un point-selle en (0, 0)&#xa0;: ça monte le long de x, ça descend le long de y. Le gradient s’y annule bien que ce ne soit pas un minimum.</translation>
    </message>
    <message>
        <source>50 times steeper across the canyon than along it: a rate large enough to move along it makes the run zig-zag across.</source>
        <translation>50 fois plus raide en travers du canyon que dans sa longueur&#xa0;: un taux assez grand pour avancer le long du canyon fait zigzaguer la descente d’une paroi à l’autre.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The landscape&lt;/b&gt; is the mean loss on the training set over %1 and %2; darker is lower, lines join equal loss.</source>
        <translation>&lt;b&gt;Le paysage&lt;/b&gt; est la perte moyenne sur l’ensemble d’entraînement en fonction de %1 et %2&#xa0;; plus c’est sombre, plus c’est bas, et les lignes relient les points de même perte.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The landscape&lt;/b&gt; is the mean loss on the current batch only (the samples of the last step) over %1 and %2, redrawn at every step. Each step goes downhill on its own batch&apos;s landscape, and the landscapes differ from batch to batch: that is why small batches zig-zag. The training set&apos;s landscape is their average.</source>
        <translation>&lt;b&gt;Le paysage&lt;/b&gt; est la perte moyenne sur le lot courant seulement (les exemples du dernier pas) en fonction de %1 et %2, redessinée à chaque pas. Chaque pas descend sur le paysage de son propre lot, et les paysages diffèrent d’un lot à l’autre&#xa0;: c’est pourquoi les petits lots zigzaguent. Le paysage de l’ensemble d’entraînement est leur moyenne.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The landscape&lt;/b&gt; is the mean loss on the validation set over %1 and %2: samples training never sees. Training descends the training loss, not this one; its minimum is where the model does best on new data.</source>
        <translation>&lt;b&gt;Le paysage&lt;/b&gt; est la perte moyenne sur l’ensemble de validation en fonction de %1 et %2&#xa0;: des exemples que l’entraînement ne voit jamais. L’entraînement descend la perte d’entraînement, pas celle-ci&#xa0;; son minimum est là où le modèle fait le mieux sur des données nouvelles.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Left&lt;/b&gt;: the mean loss on the training set; &lt;b&gt;right&lt;/b&gt;: on the validation set, over %1 and %2, with the same path. A filled star marks each landscape&apos;s own minimum, a hollow star the other&apos;s. With few training samples the two minima drift apart: training heads for the left one, but the right one is what counts on new data. That gap is overfitting.</source>
        <translation>&lt;b&gt;À gauche&lt;/b&gt;&#xa0;: la perte moyenne sur l’ensemble d’entraînement&#xa0;; &lt;b&gt;à droite&lt;/b&gt;&#xa0;: sur l’ensemble de validation, en fonction de %1 et %2, avec la même trajectoire. Une étoile pleine marque le minimum propre à chaque paysage, une étoile creuse celui de l’autre. Avec peu d’exemples d’entraînement, les deux minima s’éloignent l’un de l’autre&#xa0;: l’entraînement se dirige vers celui de gauche, mais c’est celui de droite qui compte sur des données nouvelles. Cet écart, c’est le surapprentissage.</translation>
    </message>
    <message>
        <source>alpha and beta move along two random directions through all %1 parameters at once, each unit&apos;s incoming weights scaled to its own (Li et al. 2018): one flat slice through %1 dimensions. The path is its shadow on the slice; the read-outs say how far off it the run is.</source>
        <translation>alpha et beta se déplacent le long de deux directions aléatoires à travers les %1 paramètres à la fois, les poids entrants de chaque neurone mis à l’échelle des siens (Li et al. 2018)&#xa0;: une coupe plane à travers %1 dimensions. La trajectoire est son ombre sur la coupe&#xa0;; les valeurs affichées disent à quelle distance de la coupe se trouve l’entraînement.</translation>
    </message>
    <message>
        <source>alpha and beta follow the path&apos;s first two principal components through its last point: the plane of all %1 parameters the run moved in most.</source>
        <translation>alpha et beta suivent les deux premières composantes principales de la trajectoire, par son dernier point&#xa0;: le plan de l’espace des %1 paramètres dans lequel l’entraînement s’est le plus déplacé.</translation>
    </message>
    <message>
        <source>The other parameters are held where the side panel sets them: this is one slice through the loss.</source>
        <translation>Les autres paramètres sont fixés aux valeurs réglées dans le panneau latéral&#xa0;: ceci est une coupe à travers la perte.</translation>
    </message>
    <message>
        <source>A network reading the pixels: its gradient comes by backpropagation, from the output layer back to the first.</source>
        <translation>Un réseau qui lit les pixels&#xa0;: son gradient est obtenu par rétropropagation, de la couche de sortie jusqu’à la première.</translation>
    </message>
    <message>
        <source>This model has two valleys with a saddle between: runs starting at a &amp;lt; 1 end in the worse one.</source>
        <translation>Ce modèle a deux vallées séparées par un col&#xa0;: les entraînements qui partent de a &amp;lt; 1 finissent dans la moins bonne.</translation>
    </message>
    <message>
        <source>With mae every sample pulls with the same strength: the steps do not shrink near the minimum.</source>
        <translation>Avec mae, chaque exemple tire avec la même force&#xa0;: les pas ne raccourcissent pas près du minimum.</translation>
    </message>
    <message>
        <source>Huber is squared for small errors and linear for large ones (delta %1).</source>
        <translation>Huber est quadratique pour les petites erreurs et linéaire pour les grandes (delta %1).</translation>
    </message>
    <message>
        <source>&lt;b&gt;The arrows&lt;/b&gt;: minus the gradient (the steepest way down) and the step actually taken.</source>
        <translation>&lt;b&gt;Les flèches&lt;/b&gt;&#xa0;: moins le gradient (la plus forte pente vers le bas) et le pas réellement effectué.</translation>
    </message>
    <message>
        <source>With momentum %1 the step follows a running sum of gradients, b ← %1·b + g: it builds up speed in a straight valley and overshoots in a bend.</source>
        <translation>Avec un momentum de %1, le pas suit une somme glissante des gradients, b ← %1·b + g&#xa0;: il prend de la vitesse dans une vallée droite et dépasse dans un virage.</translation>
    </message>
    <message>
        <source>Plain gradient descent: w ← w − lr·g with lr = %1, so the step is the gradient scaled down.</source>
        <translation>Descente de gradient simple&#xa0;: w ← w − lr·g avec lr = %1, le pas est donc le gradient réduit.</translation>
    </message>
    <message>
        <source>Adam divides each parameter&apos;s step by its own gradient history: the step need not point along the gradient.</source>
        <translation>Adam divise le pas de chaque paramètre par son propre historique de gradients&#xa0;: le pas n’est pas forcément dans la direction du gradient.</translation>
    </message>
    <message>
        <source>RMSprop divides each step by a running root mean square of the gradient: steep and flat directions get similar steps.</source>
        <translation>RMSprop divise chaque pas par une moyenne quadratique glissante du gradient&#xa0;: les directions raides et plates reçoivent des pas semblables.</translation>
    </message>
    <message>
        <source>Adagrad divides by the root of all past squared gradients: its steps only ever get shorter.</source>
        <translation>Adagrad divise par la racine de la somme des carrés de tous les gradients passés&#xa0;: ses pas ne font que raccourcir.</translation>
    </message>
    <message>
        <source>Every arrow is the gradient of the batch shown, so it crosses that landscape&apos;s contour lines at right angles.</source>
        <translation>Chaque flèche est le gradient du lot affiché&#xa0;: elle coupe donc les lignes de niveau de ce paysage à angle droit.</translation>
    </message>
    <message>
        <source>Full batch: every step follows the gradient of exactly the training set&apos;s landscape.</source>
        <translation>Lot complet&#xa0;: chaque pas suit exactement le gradient du paysage de l’ensemble d’entraînement.</translation>
    </message>
    <message>
        <source>Batches of %1 of %2 samples: each step sees a slightly different loss, so the path jitters around the way down.</source>
        <translation>Lots de %1 exemples sur %2&#xa0;: chaque pas voit une perte un peu différente, si bien que la trajectoire tremble tout au long de la descente.</translation>
    </message>
    <message>
        <source>The rate follows a schedule (%1): watch the steps change length.</source>
        <translation>Le taux suit une planification (%1)&#xa0;: observez la longueur des pas changer.</translation>
    </message>
    <message>
        <source>&lt;i&gt;Click the landscape to start from there.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Cliquez sur le paysage pour partir de là.&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>downhill::ui::AnimationDialog</name>
    <message>
        <source>Export animation</source>
        <translation>Exporter une animation</translation>
    </message>
    <message>
        <source>The run from step 0 to the timeline position (step %1), drawn frame by frame for slides: the path growing, the point and its arrows moving. The window is not disturbed; training may go on meanwhile.</source>
        <translation>L’entraînement du pas 0 jusqu’à la position de la ligne de temps (pas %1), dessiné image par image pour des diapositives&#xa0;: la trajectoire s’allonge, le point et ses flèches se déplacent. La fenêtre n’est pas dérangée&#xa0;; l’entraînement peut continuer pendant ce temps.</translation>
    </message>
    <message>
        <source>Animated GIF</source>
        <translation>GIF animé</translation>
    </message>
    <message>
        <source>PNG frames in a folder</source>
        <translation>Images PNG dans un dossier</translation>
    </message>
    <message>
        <source>A GIF plays anywhere (one 256-colour palette for all frames); numbered PNG frames (frame_0000.png, ...) keep every colour, for a video editor.</source>
        <translation>Un GIF se lit partout (une seule palette de 256 couleurs pour toutes les images)&#xa0;; les images PNG numérotées (frame_0000.png, ...) gardent toutes les couleurs, pour un logiciel de montage vidéo.</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format&#xa0;:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>Enregistrer sous&#xa0;:</translation>
    </message>
    <message>
        <source>Frames:</source>
        <translation>Images&#xa0;:</translation>
    </message>
    <message>
        <source>One every</source>
        <translation>Une image tous les</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> pas</translation>
    </message>
    <message>
        <source> frames a second</source>
        <translation> images par seconde</translation>
    </message>
    <message>
        <source>GIF only. The last frame is held for 1.5 s before the loop starts again.</source>
        <translation>GIF seulement. La dernière image reste affichée 1,5 s avant que la boucle ne recommence.</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>Vitesse&#xa0;:</translation>
    </message>
    <message>
        <source>The plot&apos;s current size</source>
        <translation>La taille actuelle du graphique</translation>
    </message>
    <message>
        <source>1920 × 1200 is drawn at twice the scale of 960 × 600: the same picture, sharper. The plot&apos;s current size is drawn as on screen.</source>
        <translation>1920 × 1200 est dessiné à deux fois l’échelle de 960 × 600&#xa0;: la même image, plus nette. La taille actuelle du graphique est dessinée comme à l’écran.</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Taille&#xa0;:</translation>
    </message>
    <message>
        <source>The landscape</source>
        <translation>Le paysage</translation>
    </message>
    <message>
        <source>The landscape with the loss plot under it</source>
        <translation>Le paysage avec la courbe de perte en dessous</translation>
    </message>
    <message>
        <source>Plots:</source>
        <translation>Graphiques&#xa0;:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>%1 frame of %2, step %3</source>
        <translation>%1 image de %2, pas %3</translation>
    </message>
    <message>
        <source>%1 frames of %2, steps 0 to %3</source>
        <translation>%1 images de %2, pas 0 à %3</translation>
    </message>
    <message>
        <source>, about one every %1 steps</source>
        <translation>, environ une tous les %1 pas</translation>
    </message>
    <message>
        <source>; %1 s at %2 frames a second</source>
        <translation>&#xa0;; %1 s à %2 images par seconde</translation>
    </message>
    <message>
        <source>Frames are spread evenly over the steps: a long run is shown whole in at most %1 frames, and a run with fewer steps than frames gets one frame per step.</source>
        <translation>Les images sont réparties régulièrement sur les pas&#xa0;: un long entraînement est montré en entier en %1 images au plus, et un entraînement de moins de pas que d’images reçoit une image par pas.</translation>
    </message>
    <message>
        <source>GIF images (*.gif)</source>
        <translation>Images GIF (*.gif)</translation>
    </message>
    <message>
        <source>Folder for the frames</source>
        <translation>Dossier pour les images</translation>
    </message>
</context>
<context>
    <name>downhill::ui::AnimationExport</name>
    <message>
        <source>Saved the animation to %1</source>
        <translation>Animation enregistrée dans %1</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Export annulé&#xa0;; rien n’a été écrit.</translation>
    </message>
    <message>
        <source>Export animation</source>
        <translation>Exporter une animation</translation>
    </message>
    <message>
        <source>There is no run to animate yet: wait for the landscape, then try again.</source>
        <translation>Il n’y a pas encore d’entraînement à animer&#xa0;: attendez le paysage, puis réessayez.</translation>
    </message>
    <message>
        <source>Choose where to save the animation.</source>
        <translation>Choisissez où enregistrer l’animation.</translation>
    </message>
    <message>
        <source>Drawing the animation…</source>
        <translation>Dessin de l’animation…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Drawing frame %1 of %2…</source>
        <translation>Dessin de l’image %1 sur %2…</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Écriture de %1…</translation>
    </message>
</context>
<context>
    <name>downhill::ui::BatchStrip</name>
    <message>
        <source>true %1 · pred %2</source>
        <translation>vrai %1 · préd. %2</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>+%1 autres</translation>
    </message>
    <message>
        <source>The current batch appears here.</source>
        <translation>Le lot courant apparaît ici.</translation>
    </message>
    <message>
        <source>%1 people, the model says %2 (error %3)</source>
        <translation>%1 personnes, le modèle dit %2 (erreur %3)</translation>
    </message>
    <message>
        <source>
Augmented, as the model saw it: %1</source>
        <translation>
Augmentée, telle que le modèle l’a vue&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>downhill::ui::ControlPanel</name>
    <message>
        <source>This combination of settings cannot be used as it is.</source>
        <translation>Cette combinaison de réglages ne peut pas être utilisée telle quelle.</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Paysage</translation>
    </message>
    <message>
        <source>What is being minimised and drawn: a model f(x; w) with a loss over some of the data, or an analytic test function.</source>
        <translation>Ce qui est minimisé et dessiné&#xa0;: un modèle f(x; w) avec une perte sur une partie des données, ou une fonction de test analytique.</translation>
    </message>
    <message>
        <source>The model whose parameters are trained on the data, or an analytic landscape (a function of two parameters, no data).
Changing it starts a new run: the parameters mean something else.</source>
        <translation>Le modèle dont les paramètres sont entraînés sur les données, ou un paysage analytique (une fonction de deux paramètres, sans données).
En changer lance un nouvel entraînement&#xa0;: les paramètres signifient alors autre chose.</translation>
    </message>
    <message>
        <source>Models on the data</source>
        <translation>Modèles sur les données</translation>
    </message>
    <message>
        <source>Networks on the pixels</source>
        <translation>Réseaux sur les pixels</translation>
    </message>
    <message>
        <source>A network reading the image shrunk to n x n pixels: nn.Sequential(Linear, activation, ..., Linear), one output, the count.</source>
        <translation>Un réseau qui lit l’image réduite à n x n pixels&#xa0;: nn.Sequential(Linear, activation, ..., Linear), une sortie, le nombre de personnes.</translation>
    </message>
    <message>
        <source>Analytic landscapes</source>
        <translation>Paysages analytiques</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Units in each hidden layer: one number for one layer (16), two for two (32,16). Press Enter to apply.</source>
        <translation>Neurones de chaque couche cachée&#xa0;: un nombre pour une couche (16), deux pour deux couches (32,16). Appuyez sur Entrée pour appliquer.</translation>
    </message>
    <message>
        <source>Hidden units</source>
        <translation>Neurones</translation>
    </message>
    <message>
        <source>The hidden layers&apos; activation: tanh and sigmoid are smooth, relu has kinks where a unit turns on.</source>
        <translation>L’activation des couches cachées&#xa0;: tanh et sigmoid sont lisses, relu a des coudes là où un neurone s’allume.</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>Activation</translation>
    </message>
    <message>
        <source>The network reads the image shrunk to n x n pixels by block means: n must divide the image&apos;s side.</source>
        <translation>Le réseau lit l’image réduite à n x n pixels par moyennes de blocs&#xa0;: n doit diviser le côté de l’image.</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>The formula of the model or function.</source>
        <translation>La formule du modèle ou de la fonction.</translation>
    </message>
    <message>
        <source>How a wrong prediction is counted, per sample, averaged over the batch:
mse (y - t)², mae |y - t|, huber: squared near 0, linear beyond delta.</source>
        <translation>Comment une prédiction fausse est comptée, par exemple, en moyenne sur le lot&#xa0;:
mse (y - t)², mae |y - t|, huber&#xa0;: quadratique près de 0, linéaire au-delà de delta.</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Perte</translation>
    </message>
    <message>
        <source>Huber&apos;s delta: residuals smaller than this are squared, larger ones count linearly.</source>
        <translation>Le delta de Huber&#xa0;: les résidus plus petits sont élevés au carré, les plus grands comptent linéairement.</translation>
    </message>
    <message>
        <source>Huber delta</source>
        <translation>Delta de Huber</translation>
    </message>
    <message>
        <source>Which samples the landscape averages the loss over. The path and the arrows stay the same; only the ground under them changes.</source>
        <translation>Sur quels exemples le paysage fait la moyenne de la perte. La trajectoire et les flèches restent les mêmes&#xa0;; seul le terrain en dessous change.</translation>
    </message>
    <message>
        <source>Training set</source>
        <translation>Ensemble d’entraînement</translation>
    </message>
    <message>
        <source>The loss over every training sample: the landscape training is trying to descend.</source>
        <translation>La perte sur tous les exemples d’entraînement&#xa0;: le paysage que l’entraînement essaie de descendre.</translation>
    </message>
    <message>
        <source>Current batch</source>
        <translation>Lot courant</translation>
    </message>
    <message>
        <source>The loss over the batch of the last step only, redrawn at every step: each step goes downhill on its own batch&apos;s landscape, which is why small batches zig-zag.</source>
        <translation>La perte sur le lot du dernier pas seulement, redessinée à chaque pas&#xa0;: chaque pas descend sur le paysage de son propre lot, c’est pourquoi les petits lots zigzaguent.</translation>
    </message>
    <message>
        <source>Validation set</source>
        <translation>Ensemble de validation</translation>
    </message>
    <message>
        <source>Training | validation</source>
        <translation>Entraînement | validation</translation>
    </message>
    <message>
        <source>Surface</source>
        <translation>Surface</translation>
    </message>
    <message>
        <source>Step size and batches</source>
        <translation>Pas et lots</translation>
    </message>
    <message>
        <source>The settings that can change while training runs: they apply from the next step on.</source>
        <translation>Les réglages qui peuvent changer pendant l’entraînement&#xa0;: ils s’appliquent à partir du pas suivant.</translation>
    </message>
    <message>
        <source>Learning rate: how far each step goes along minus the gradient, w ← w − lr·g.
Logarithmic from 0.0001 to 10. Too large and the run overshoots or diverges.</source>
        <translation>Taux d’apprentissage&#xa0;: la distance parcourue à chaque pas le long de moins le gradient, w ← w − lr·g.
Logarithmique de 0,0001 à 10. Trop grand, l’entraînement dépasse le minimum ou diverge.</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Taux d’appr.</translation>
    </message>
    <message>
        <source>Momentum μ: the step follows a running average of past gradients, b ← μ·b + g. 0 is plain gradient descent; 0.9 rolls through narrow valleys.</source>
        <translation>Momentum μ (inertie)&#xa0;: le pas suit une moyenne glissante des gradients passés, b ← μ·b + g. 0 est la descente de gradient simple&#xa0;; avec 0,9, le point roule à travers les vallées étroites.</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>Momentum</translation>
    </message>
    <message>
        <source>Samples averaged per step. Small batches give noisy, cheap steps; the full batch follows the true gradient of the training loss.</source>
        <translation>Exemples moyennés à chaque pas. Les petits lots donnent des pas bruités et peu coûteux&#xa0;; le lot complet suit le vrai gradient de la perte d’entraînement.</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Taille de lot</translation>
    </message>
    <message>
        <source>Full batch</source>
        <translation>Lot complet</translation>
    </message>
    <message>
        <source>Use every training sample in every step (batch size = training set size).</source>
        <translation>Utiliser tous les exemples d’entraînement à chaque pas (taille de lot = taille de l’ensemble d’entraînement).</translation>
    </message>
    <message>
        <source>Shuffle</source>
        <translation>Mélanger</translation>
    </message>
    <message>
        <source>Draw the samples of each epoch in a new random order (seeded).</source>
        <translation>Tirer les exemples de chaque époque dans un nouvel ordre aléatoire (avec graine).</translation>
    </message>
    <message>
        <source>Seed of the shuffling and the augmentation draws: the same seed and settings replay the same run.</source>
        <translation>Graine du mélange et des tirages de l’augmentation&#xa0;: la même graine et les mêmes réglages rejouent le même entraînement.</translation>
    </message>
    <message>
        <source>Run seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimiseur</translation>
    </message>
    <message>
        <source>The update rule, with PyTorch&apos;s semantics (the learning rate outside the momentum buffer).</source>
        <translation>La règle de mise à jour, avec la sémantique de PyTorch (le taux d’apprentissage en dehors du tampon de momentum).</translation>
    </message>
    <message>
        <source>sgd: w ← w − lr·g (with momentum: a running sum of gradients).
adam: per-parameter steps from running means of g and g².
rmsprop: divides by a running root mean square of g.
adagrad: divides by the root of the sum of all past g².</source>
        <translation>sgd&#xa0;: w ← w − lr·g (avec momentum&#xa0;: une somme glissante des gradients).
adam&#xa0;: des pas propres à chaque paramètre, tirés de moyennes glissantes de g et g².
rmsprop&#xa0;: divise par une moyenne quadratique glissante de g.
adagrad&#xa0;: divise par la racine de la somme de tous les g² passés.</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>sgd dampening: the share of the new gradient left out of the momentum buffer, b ← μ·b + (1 − d)·g.</source>
        <translation>Amortissement de sgd&#xa0;: la part du nouveau gradient laissée hors du tampon de momentum, b ← μ·b + (1 − d)·g.</translation>
    </message>
    <message>
        <source>Dampening</source>
        <translation>Amortissement</translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <source>Nesterov momentum: step along g + μ·b, a look ahead. Needs momentum &gt; 0 and no dampening.</source>
        <translation>Momentum de Nesterov&#xa0;: un pas le long de g + μ·b, un regard en avant. Demande un momentum &gt; 0 et aucun amortissement.</translation>
    </message>
    <message>
        <source>adam β₁: how long the running mean of the gradient remembers.</source>
        <translation>β₁ d’adam&#xa0;: la durée pendant laquelle la moyenne glissante du gradient se souvient.</translation>
    </message>
    <message>
        <source>β₁</source>
        <translation>β₁</translation>
    </message>
    <message>
        <source>adam β₂: how long the running mean of the squared gradient remembers.</source>
        <translation>β₂ d’adam&#xa0;: la durée pendant laquelle la moyenne glissante du carré du gradient se souvient.</translation>
    </message>
    <message>
        <source>β₂</source>
        <translation>β₂</translation>
    </message>
    <message>
        <source>rmsprop α: smoothing of the running mean of the squared gradient.</source>
        <translation>α de rmsprop&#xa0;: le lissage de la moyenne glissante du carré du gradient.</translation>
    </message>
    <message>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <source>Centered</source>
        <translation>Centré</translation>
    </message>
    <message>
        <source>rmsprop centered: divide by an estimate of the gradient&apos;s variance instead of its raw second moment.</source>
        <translation>rmsprop centré&#xa0;: diviser par une estimation de la variance du gradient au lieu de son moment d’ordre deux brut.</translation>
    </message>
    <message>
        <source>adagrad lr_decay: the rate shrinks as lr / (1 + (t − 1)·lr_decay).</source>
        <translation>lr_decay d’adagrad&#xa0;: le taux diminue selon lr / (1 + (t − 1)·lr_decay).</translation>
    </message>
    <message>
        <source>lr decay</source>
        <translation>Décroissance lr</translation>
    </message>
    <message>
        <source>ε, added to the denominator so that it is never zero. Empty: PyTorch&apos;s default (1e-8; adagrad 1e-10).</source>
        <translation>ε, ajouté au dénominateur pour qu’il ne soit jamais nul. Vide&#xa0;: la valeur par défaut de PyTorch (1e-8&#xa0;; adagrad 1e-10).</translation>
    </message>
    <message>
        <source>default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>Learning-rate schedule</source>
        <translation>Planification du taux</translation>
    </message>
    <message>
        <source>How the learning rate changes step by step, as a function of the step count.</source>
        <translation>Comment le taux d’apprentissage change pas à pas, en fonction du nombre de pas.</translation>
    </message>
    <message>
        <source>constant: lr throughout.
exponential: lr·γ^t.
step: lr·γ^⌊t / every⌋.
cosine: a half cosine from lr down to the minimum over T steps.
cosine-restarts: the same, restarting after T₀, T₀·mult, ... steps.</source>
        <translation>constant&#xa0;: lr tout du long.
exponential&#xa0;: lr·γ^t.
step&#xa0;: lr·γ^⌊t / every⌋.
cosine&#xa0;: un demi-cosinus de lr jusqu’au minimum en T pas.
cosine-restarts&#xa0;: la même chose, en redémarrant après T₀, T₀·mult, ... pas.</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Planification</translation>
    </message>
    <message>
        <source>γ: the factor the rate is multiplied by (per step, or per &apos;every&apos; steps).</source>
        <translation>γ&#xa0;: le facteur par lequel le taux est multiplié (à chaque pas, ou une fois tous les «&#xa0;Tous les&#xa0;» pas).</translation>
    </message>
    <message>
        <source>γ</source>
        <translation>γ</translation>
    </message>
    <message>
        <source>step schedule: multiply the rate by γ every this many steps.</source>
        <translation>Planification par paliers&#xa0;: multiplier le taux par γ chaque fois que ce nombre de pas est écoulé.</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Tous les</translation>
    </message>
    <message>
        <source>Cosine period in steps (T, or the first cycle T₀ with restarts).</source>
        <translation>Période du cosinus en pas (T, ou le premier cycle T₀ avec redémarrages).</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>cosine-restarts: each cycle is this many times longer than the one before.</source>
        <translation>cosine-restarts&#xa0;: chaque cycle est ce nombre de fois plus long que le précédent.</translation>
    </message>
    <message>
        <source>Cycle ×</source>
        <translation>Cycle ×</translation>
    </message>
    <message>
        <source>The rate a cosine schedule goes down to.</source>
        <translation>Le taux jusqu’auquel descend une planification en cosinus.</translation>
    </message>
    <message>
        <source>Min lr</source>
        <translation>lr min</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>The samples the model learns from: the built-in people-counting images, or a file you open.</source>
        <translation>Les exemples dont le modèle apprend&#xa0;: les images intégrées de comptage de personnes, ou un fichier que vous ouvrez.</translation>
    </message>
    <message>
        <source>Where the data comes from.</source>
        <translation>D’où viennent les données.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Open data…</source>
        <translation>Ouvrir des données…</translation>
    </message>
    <message>
        <source>Load a CSV file (columns x and count) or a folder of PNG images with labels.csv.</source>
        <translation>Charger un fichier CSV (colonnes x et count) ou un dossier d’images PNG avec labels.csv.</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>Intégrées</translation>
    </message>
    <message>
        <source>Go back to the built-in people-counting images.</source>
        <translation>Revenir aux images intégrées de comptage de personnes.</translation>
    </message>
    <message>
        <source>Number of images in the built-in data set. A new data set starts a new run.</source>
        <translation>Nombre d’images dans le jeu de données intégré. Un nouveau jeu de données lance un nouvel entraînement.</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Seed of the built-in images and of the train/validation split.</source>
        <translation>Graine des images intégrées et de la séparation entraînement/validation.</translation>
    </message>
    <message>
        <source>Data seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <source>Share of the samples held out for validation: the model never trains on them, so their loss shows overfitting.</source>
        <translation>Part des exemples mis de côté pour la validation&#xa0;: le modèle ne s’entraîne jamais dessus, leur perte montre donc le surapprentissage.</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validation</translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation>Luminosité</translation>
    </message>
    <message>
        <source>Augmentation: each time an image is drawn into a batch, shift its brightness at random.</source>
        <translation>Augmentation&#xa0;: chaque fois qu’une image est tirée dans un lot, décaler sa luminosité au hasard.</translation>
    </message>
    <message>
        <source>Flip</source>
        <translation>Miroir</translation>
    </message>
    <message>
        <source>Augmentation: mirror the image left-right with probability 1/2.</source>
        <translation>Augmentation&#xa0;: retourner l’image gauche-droite avec une probabilité de 1/2.</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>Bruit</translation>
    </message>
    <message>
        <source>Augmentation: add random Gaussian noise to the pixels.</source>
        <translation>Augmentation&#xa0;: ajouter un bruit gaussien aléatoire aux pixels.</translation>
    </message>
    <message>
        <source>Random changes to each image as it is drawn into a batch: the model sees a slightly different data set every epoch.</source>
        <translation>Des modifications aléatoires de chaque image quand elle est tirée dans un lot&#xa0;: le modèle voit un jeu de données un peu différent à chaque époque.</translation>
    </message>
    <message>
        <source>Plotted plane</source>
        <translation>Plan affiché</translation>
    </message>
    <message>
        <source>The landscape is the loss over two parameters, any others held at the values set here; or over a plane through all of them (a network&apos;s thousands), as in Li et al. 2018.</source>
        <translation>Le paysage est la perte en fonction de deux paramètres, les autres fixés aux valeurs réglées ici&#xa0;; ou sur un plan à travers tous les paramètres (des milliers pour un réseau), comme dans Li et al. 2018.</translation>
    </message>
    <message>
        <source>Two parameters: the literal surface over two weights, the rest held.
Random plane: two random directions through the origin, each unit&apos;s incoming weights scaled to that unit&apos;s own (filter normalisation), biases still; alpha = beta = 0 is the origin, 1 a step as long as the weights.
PCA plane: the path&apos;s first two principal components, through its last point: the plane the run moved in most. The path drawn on a plane is its projection; the read-outs say how far off it the run is.</source>
        <translation>Deux paramètres&#xa0;: la surface littérale au-dessus de deux poids, le reste fixé.
Plan aléatoire&#xa0;: deux directions aléatoires passant par l’origine, les poids entrants de chaque neurone mis à l’échelle de ceux de ce neurone (normalisation par filtre), biais inchangés&#xa0;; alpha = beta = 0 est l’origine, 1 un pas aussi long que les poids.
Plan ACP&#xa0;: les deux premières composantes principales de la trajectoire, passant par son dernier point&#xa0;: le plan dans lequel l’entraînement s’est le plus déplacé. La trajectoire dessinée sur un plan est sa projection&#xa0;; les valeurs affichées disent à quelle distance du plan se trouve l’entraînement.</translation>
    </message>
    <message>
        <source>Two parameters</source>
        <translation>Deux paramètres</translation>
    </message>
    <message>
        <source>Random plane</source>
        <translation>Plan aléatoire</translation>
    </message>
    <message>
        <source>PCA plane of the path</source>
        <translation>Plan ACP de la trajectoire</translation>
    </message>
    <message>
        <source>Axes</source>
        <translation>Axes</translation>
    </message>
    <message>
        <source>The random plane&apos;s seed: another seed, other directions.</source>
        <translation>La graine du plan aléatoire&#xa0;: une autre graine, d’autres directions.</translation>
    </message>
    <message>
        <source>Plane seed</source>
        <translation>Graine du plan</translation>
    </message>
    <message>
        <source>Recentre the plane here</source>
        <translation>Recentrer le plan ici</translation>
    </message>
    <message>
        <source>The plane&apos;s origin moves to the current point (a random plane&apos;s directions are drawn for it anew; the PCA plane is the path&apos;s so far) and the path is projected again. Training goes on.</source>
        <translation>L’origine du plan se déplace au point actuel (les directions d’un plan aléatoire sont tirées à nouveau pour lui&#xa0;; le plan ACP est celui de la trajectoire jusqu’ici) et la trajectoire est projetée de nouveau. L’entraînement continue.</translation>
    </message>
    <message>
        <source>The parameter on the horizontal axis of the landscape. Type to search by name.</source>
        <translation>Le paramètre sur l’axe horizontal du paysage. Tapez pour chercher par nom.</translation>
    </message>
    <message>
        <source>The parameter on the vertical axis of the landscape. Type to search by name.</source>
        <translation>Le paramètre sur l’axe vertical du paysage. Tapez pour chercher par nom.</translation>
    </message>
    <message>
        <source>Horizontal</source>
        <translation>Horizontal</translation>
    </message>
    <message>
        <source>Vertical</source>
        <translation>Vertical</translation>
    </message>
    <message>
        <source>The value at which %1 is held: the landscape is the slice of the loss through it. Changing it starts a new run from the same point on the new slice.</source>
        <translation>La valeur à laquelle %1 est fixé&#xa0;: le paysage est la coupe de la perte qui passe par elle. La changer lance un nouvel entraînement depuis le même point sur la nouvelle coupe.</translation>
    </message>
    <message>
        <source>Held %1</source>
        <translation>%1 fixé</translation>
    </message>
    <message>
        <source>built-in people images</source>
        <translation>images intégrées de personnes</translation>
    </message>
    <message>
        <source>default (1e-10)</source>
        <translation>par défaut (1e-10)</translation>
    </message>
    <message>
        <source>default (1e-8)</source>
        <translation>par défaut (1e-8)</translation>
    </message>
    <message>
        <source>Not available: there is no validation set. Raise &quot;Validation&quot; in the Data group to hold samples out.</source>
        <translation>Indisponible&#xa0;: il n’y a pas d’ensemble de validation. Augmentez «&#xa0;Validation&#xa0;» dans le groupe Données pour mettre des exemples de côté.</translation>
    </message>
    <message>
        <source>The loss over the held-out validation samples, which training never sees.</source>
        <translation>La perte sur les exemples de validation mis de côté, que l’entraînement ne voit jamais.</translation>
    </message>
    <message>
        <source>Training and validation landscapes side by side with the same path and linked zoom: when the model overfits, their minima drift apart.</source>
        <translation>Les paysages d’entraînement et de validation côte à côte, avec la même trajectoire et un zoom lié&#xa0;: quand le modèle surapprend, leurs minima s’éloignent l’un de l’autre.</translation>
    </message>
    <message>
        <source>An analytic landscape is a function of its two parameters, not a loss over data: it has one surface. Choose a model on the data above to switch surfaces.</source>
        <translation>Un paysage analytique est une fonction de ses deux paramètres, pas une perte sur des données&#xa0;: il n’a qu’une surface. Choisissez plus haut un modèle sur les données pour changer de surface.</translation>
    </message>
    <message>
        <source>Augment</source>
        <translation>Varier</translation>
    </message>
</context>
<context>
    <name>downhill::ui::DatasetPanel</name>
    <message>
        <source>count %1 · %2</source>
        <translation>nombre %1 · %2</translation>
    </message>
    <message>
        <source>val</source>
        <translation>val.</translation>
    </message>
    <message>
        <source>train</source>
        <translation>entr.</translation>
    </message>
    <message>
        <source>image %1 · %2 people · x = %3 · %4</source>
        <translation>image %1 · %2 personnes · x = %3 · %4</translation>
    </message>
    <message>
        <source>validation set</source>
        <translation>ensemble de validation</translation>
    </message>
    <message>
        <source>training set</source>
        <translation>ensemble d’entraînement</translation>
    </message>
    <message>
        <source>all images</source>
        <translation>toutes les images</translation>
    </message>
    <message>
        <source>This data set has no images: it was read from a file of numbers, so only each sample&apos;s x and count are known. The scatter shows them all; augmentations need images and are off.</source>
        <translation>Ce jeu de données n’a pas d’images&#xa0;: il a été lu dans un fichier de nombres, si bien que seuls le x et le nombre de chaque exemple sont connus. Le nuage de points les montre tous&#xa0;; les augmentations demandent des images et sont désactivées.</translation>
    </message>
    <message>
        <source>feature x</source>
        <translation>caractéristique x</translation>
    </message>
    <message>
        <source>count (people)</source>
        <translation>nombre (personnes)</translation>
    </message>
    <message>
        <source>training</source>
        <translation>entraînement</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>validation</translation>
    </message>
    <message>
        <source>model</source>
        <translation>modèle</translation>
    </message>
    <message>
        <source>selected image</source>
        <translation>image choisie</translation>
    </message>
    <message>
        <source>Apply this augmentation, drawn afresh for every sample, while training</source>
        <translation>Appliquer cette augmentation pendant l’entraînement, tirée à nouveau pour chaque exemple</translation>
    </message>
    <message>
        <source>train with it</source>
        <translation>entraîner avec</translation>
    </message>
    <message>
        <source>show</source>
        <translation>afficher</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Pas de données</translation>
    </message>
    <message>
        <source> · %1 training · %2 validation</source>
        <translation> · %1 entraînement · %2 validation</translation>
    </message>
    <message>
        <source>original</source>
        <translation>originale</translation>
    </message>
    <message>
        <source>brightness %1%2</source>
        <translation>luminosité %1%2</translation>
    </message>
    <message>
        <source>flipped</source>
        <translation>en miroir</translation>
    </message>
    <message>
        <source>noise σ %1</source>
        <translation>bruit σ %1</translation>
    </message>
    <message>
        <source>all three</source>
        <translation>les trois</translation>
    </message>
    <message>
        <source>&lt;br&gt;image %1 · count %2 · %3</source>
        <translation>&lt;br&gt;image %1 · nombre %2 · %3</translation>
    </message>
    <message>
        <source>&lt;br&gt;count still %1</source>
        <translation>&lt;br&gt;nombre toujours %1</translation>
    </message>
    <message>
        <source>training (%1)</source>
        <translation>entraînement (%1)</translation>
    </message>
    <message>
        <source>validation (%1)</source>
        <translation>validation (%1)</translation>
    </message>
    <message>
        <source>count</source>
        <translation>nombre</translation>
    </message>
</context>
<context>
    <name>downhill::ui::ExportActions</name>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg);;PDF document (*.pdf)</source>
        <translation>Image PNG (*.png);;Image SVG (*.svg);;Document PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export landscape</source>
        <translation>Exporter le paysage</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Export loss plot</source>
        <translation>Exporter la courbe de perte</translation>
    </message>
    <message>
        <source>Export path</source>
        <translation>Exporter la trajectoire</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1 steps to %2</source>
        <translation>%1 pas enregistrés dans %2</translation>
    </message>
    <message>
        <source>Export loss history</source>
        <translation>Exporter l’historique de perte</translation>
    </message>
    <message>
        <source>Saved %1 epochs to %2</source>
        <translation>%1 époques enregistrées dans %2</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Enregistrer les réglages</translation>
    </message>
    <message>
        <source>Downhill settings (*.json)</source>
        <translation>Réglages Downhill (*.json)</translation>
    </message>
    <message>
        <source>Save run</source>
        <translation>Enregistrer l’entraînement</translation>
    </message>
    <message>
        <source>Downhill runs (*.json)</source>
        <translation>Entraînements Downhill (*.json)</translation>
    </message>
</context>
<context>
    <name>downhill::ui::FileCommands</name>
    <message>
        <source>The run was replayed exactly to where it was saved.</source>
        <translation>L’entraînement a été rejoué exactement jusqu’à l’endroit où il avait été enregistré.</translation>
    </message>
    <message>
        <source>Open run</source>
        <translation>Ouvrir un entraînement</translation>
    </message>
    <message>
        <source>The replayed run does not end where the saved one did: the data, or this version of Downhill, differ from when it was saved. What you see is the replay.</source>
        <translation>L’entraînement rejoué ne s’arrête pas là où s’arrêtait celui qui a été enregistré&#xa0;: les données, ou cette version de Downhill, diffèrent de celles de l’enregistrement. Ce que vous voyez est la réexécution.</translation>
    </message>
    <message>
        <source>Cancel opening a run while it is replayed</source>
        <translation>Annuler l’ouverture d’un entraînement pendant qu’il est rejoué</translation>
    </message>
    <message>
        <source>Replaying the saved run: step %L1 of %L2 (%3%). Esc stops it here.</source>
        <translation>Réexécution de l’entraînement enregistré&#xa0;: pas %L1 sur %L2 (%3&#xa0;%). Échap l’arrête ici.</translation>
    </message>
    <message>
        <source>The replay stopped at step %L1: the run goes on from there.</source>
        <translation>La réexécution s’est arrêtée au pas %L1&#xa0;: l’entraînement continue à partir de là.</translation>
    </message>
    <message>
        <source>%1: reading it was cancelled; the built-in data instead</source>
        <translation>%1&#xa0;: lecture annulée&#xa0;; les données intégrées à la place</translation>
    </message>
    <message>
        <source>Open settings</source>
        <translation>Ouvrir des réglages</translation>
    </message>
    <message>
        <source>Downhill settings (*.json);;All files (*)</source>
        <translation>Réglages Downhill (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Loaded %1</source>
        <translation>Chargé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Leçons</translation>
    </message>
    <message>
        <source>Lesson: %1</source>
        <translation>Leçon&#xa0;: %1</translation>
    </message>
    <message>
        <source>There is no run to save: the settings do not make a working run.</source>
        <translation>Il n’y a pas d’entraînement à enregistrer&#xa0;: les réglages ne donnent pas un entraînement qui fonctionne.</translation>
    </message>
    <message>
        <source>settings.start has %1 values, the run&apos;s states %2</source>
        <translation>settings.start a %1 valeurs, les états de l’entraînement %2</translation>
    </message>
    <message>
        <source>its settings do not make a working run here</source>
        <translation>ses réglages ne donnent pas ici un entraînement qui fonctionne</translation>
    </message>
    <message>
        <source>The data differ from those the run was saved with: the replay will not be the same run.</source>
        <translation>Les données diffèrent de celles avec lesquelles l’entraînement a été enregistré&#xa0;: la réexécution ne sera pas le même entraînement.</translation>
    </message>
    <message>
        <source>the run has %1 parameters, the model %2</source>
        <translation>l’entraînement a %1 paramètres, le modèle %2</translation>
    </message>
    <message>
        <source>Downhill runs (*.json)</source>
        <translation>Entraînements Downhill (*.json)</translation>
    </message>
    <message>
        <source>Open image folder (PNG images + labels.csv)</source>
        <translation>Ouvrir un dossier d’images (images PNG + labels.csv)</translation>
    </message>
    <message>
        <source>Open data</source>
        <translation>Ouvrir des données</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Training on %1</source>
        <translation>Entraînement sur %1</translation>
    </message>
    <message>
        <source>Opening %1 was cancelled: the run is as it was.</source>
        <translation>Ouverture de %1 annulée&#xa0;: l’entraînement est inchangé.</translation>
    </message>
</context>
<context>
    <name>downhill::ui::GradientCheckView</name>
    <message>
        <source>numeric dL/dw_j = (L(w + h e_j) - L(w - h e_j)) / 2h,  beside the analytic gradient (chain rule)</source>
        <translation>dL/dw_j numérique = (L(w + h e_j) - L(w - h e_j)) / 2h,  à côté du gradient analytique (règle de la chaîne)</translation>
    </message>
    <message>
        <source>The step h of the numeric gradient, from 1e-12 to 1 (four positions per decade)</source>
        <translation>Le pas h du gradient numérique, de 1e-12 à 1 (quatre positions par décade)</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>paramètre</translation>
    </message>
    <message>
        <source>analytic</source>
        <translation>analytique</translation>
    </message>
    <message>
        <source>numeric</source>
        <translation>numérique</translation>
    </message>
    <message>
        <source>abs error</source>
        <translation>erreur abs.</translation>
    </message>
    <message>
        <source>rel error</source>
        <translation>erreur rel.</translation>
    </message>
    <message>
        <source>step h</source>
        <translation>pas h</translation>
    </message>
    <message>
        <source>largest relative error</source>
        <translation>plus grande erreur relative</translation>
    </message>
    <message>
        <source>← rounding error (≈ eps / h)</source>
        <translation>← erreur d’arrondi (≈ eps / h)</translation>
    </message>
    <message>
        <source>No point to check yet.</source>
        <translation>Pas encore de point à vérifier.</translation>
    </message>
    <message>
        <source>Computing the error for every h…</source>
        <translation>Calcul de l’erreur pour chaque h…</translation>
    </message>
    <message>
        <source>Smallest error %1 at h = %2.</source>
        <translation>Plus petite erreur %1 pour h = %2.</translation>
    </message>
    <message>
        <source> mae has a kink at r = 0: when a sample&apos;s residual changes sign between w - h and w + h, the numeric gradient is wrong, so large h gives large errors here.</source>
        <translation> mae a un coude en r = 0&#xa0;: quand le résidu d’un exemple change de signe entre w - h et w + h, le gradient numérique est faux, si bien qu’un grand h donne ici de grandes erreurs.</translation>
    </message>
    <message>
        <source>h reaches across a kink →</source>
        <translation>h enjambe un coude →</translation>
    </message>
    <message>
        <source> This loss is quadratic in the parameters: central differences have no truncation error for it, so only rounding (which grows as h shrinks) is left.</source>
        <translation> Cette perte est quadratique en les paramètres&#xa0;: les différences centrées n’ont pas d’erreur de troncature pour elle, il ne reste donc que l’arrondi (qui grandit quand h diminue).</translation>
    </message>
    <message>
        <source> Larger h: the h² truncation error grows. Smaller h: L(w + h) and L(w - h) agree in ever more digits, and rounding (≈ eps / h) takes over.</source>
        <translation> h plus grand&#xa0;: l’erreur de troncature en h² grandit. h plus petit&#xa0;: L(w + h) et L(w - h) ont de plus en plus de chiffres en commun, et l’arrondi (≈ eps / h) prend le dessus.</translation>
    </message>
    <message>
        <source>truncation error (≈ h²) →</source>
        <translation>erreur de troncature (≈ h²) →</translation>
    </message>
    <message>
        <source>rel. error</source>
        <translation>err. rel.</translation>
    </message>
</context>
<context>
    <name>downhill::ui::LandscapePlot</name>
    <message>
        <source>The -grad arrow points down the steepest slope: minus the gradient.
The step is lr × minus the gradient (plus momentum).</source>
        <translation>La flèche -grad descend la plus forte pente&#xa0;: moins le gradient.
Le pas est lr × moins le gradient (plus le momentum).</translation>
    </message>
    <message>
        <source>Diverged — lower the learning rate and press Reset</source>
        <translation>Divergence — baissez le taux d’apprentissage et appuyez sur Réinitialiser</translation>
    </message>
    <message>
        <source>%1 = %2, %3 = %4, loss = %5</source>
        <translation>%1 = %2, %3 = %4, perte = %5</translation>
    </message>
</context>
<context>
    <name>downhill::ui::LandscapeView3D</name>
    <message>
        <source>Training set</source>
        <translation>Ensemble d’entraînement</translation>
    </message>
    <message>
        <source>Validation set</source>
        <translation>Ensemble de validation</translation>
    </message>
    <message>
        <source>The 2D plots show training and validation side by side; the 3D view draws one of them.</source>
        <translation>Les graphiques 2D montrent l’entraînement et la validation côte à côte&#xa0;; la vue 3D n’en dessine qu’un.</translation>
    </message>
    <message>
        <source>The 3D view appears when it is first shown.</source>
        <translation>La vue 3D apparaît la première fois qu’elle est affichée.</translation>
    </message>
    <message>
        <source>The landscape in 3D: drag with the right button to rotate, scroll to zoom, click to read a point.</source>
        <translation>Le paysage en 3D&#xa0;: faites glisser avec le bouton droit pour le tourner, la molette zoome, un clic lit la valeur d’un point.</translation>
    </message>
    <message>
        <source>No 3D view here: it needs an OpenGL context, which this display does not offer (a desktop session or Xvfb with GLX has one; the offscreen platform has none).</source>
        <translation>Pas de vue 3D ici&#xa0;: elle nécessite un contexte OpenGL, que cet affichage n’offre pas (une session de bureau ou Xvfb avec GLX en a un&#xa0;; la plateforme offscreen n’en a pas).</translation>
    </message>
    <message>
        <source>Showing:</source>
        <translation>Affiche&#xa0;:</translation>
    </message>
    <message>
        <source>Showing: %1</source>
        <translation>Affiche&#xa0;: %1</translation>
    </message>
    <message>
        <source>Height: the loss, on a log scale</source>
        <translation>Hauteur&#xa0;: la perte, en échelle log</translation>
    </message>
    <message>
        <source>Height: the loss</source>
        <translation>Hauteur&#xa0;: la perte</translation>
    </message>
    <message>
        <source>%1 @xLabel, %2 @zLabel, loss @yLabel</source>
        <translation>%1 @xLabel, %2 @zLabel, perte @yLabel</translation>
    </message>
    <message>
        <source>The 3D view cannot draw this landscape: its losses or coordinates are too large, or too finely spaced, for the graph&apos;s single-precision numbers (about seven digits, up to about 3e38). The 2D plot shows it.</source>
        <translation>La vue 3D ne peut pas dessiner ce paysage&#xa0;: ses pertes ou ses coordonnées sont trop grandes, ou trop finement espacées, pour les nombres en simple précision du graphique (environ sept chiffres, jusqu’à environ 3e38). Le graphique 2D le montre.</translation>
    </message>
</context>
<context>
    <name>downhill::ui::LossPlot</name>
    <message>
        <source>step</source>
        <translation>pas</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>perte</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>taux d’appr.</translation>
    </message>
    <message>
        <source>batch loss</source>
        <translation>perte du lot</translation>
    </message>
    <message>
        <source>training loss (epoch)</source>
        <translation>perte d’entraînement (époque)</translation>
    </message>
    <message>
        <source>validation loss (epoch)</source>
        <translation>perte de validation (époque)</translation>
    </message>
    <message>
        <source>main run: %1</source>
        <translation>entraînement principal&#xa0;: %1</translation>
    </message>
    <message>
        <source>step %1 · %2 %3</source>
        <translation>pas %1 · %2 %3</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>perte d’entraînement</translation>
    </message>
    <message>
        <source> · lr %1</source>
        <translation> · lr %1</translation>
    </message>
    <message>
        <source>
last epoch: train %1</source>
        <translation>
dernière époque&#xa0;: entraînement %1</translation>
    </message>
    <message>
        <source>, validation %1</source>
        <translation>, validation %1</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>taux</translation>
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
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Leçons</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <comment>Lessons menu: the lesson&apos;s number (from its file name), then its title</comment>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>Load the settings of this lesson and show what to watch for</source>
        <translation>Charger les réglages de cette leçon et montrer ce qu’il faut observer</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>&amp;Entraînement</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Ra&amp;ce</source>
        <translation>&amp;Course</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>The run stopped: a step produced a loss or parameters that are not finite numbers.</source>
        <translation>L’entraînement s’est arrêté&#xa0;: un pas a produit une perte ou des paramètres qui ne sont pas des nombres finis.</translation>
    </message>
    <message>
        <source>The loss over two parameters. Click or drag to choose the starting point; scroll to zoom; drag with the right button to pan.</source>
        <translation>La perte en fonction de deux paramètres. Cliquez ou faites glisser pour choisir le point de départ&#xa0;; la molette zoome&#xa0;; faites glisser avec le bouton droit pour déplacer la vue.</translation>
    </message>
    <message>
        <source>Loss during training: every step&apos;s batch loss (grey), each epoch&apos;s training (blue) and validation (orange) loss, and the learning rate (green, dashed). Double-click to follow the data again.</source>
        <translation>Perte pendant l’entraînement&#xa0;: la perte du lot à chaque pas (gris), la perte d’entraînement (bleu) et de validation (orange) de chaque époque, et le taux d’apprentissage (vert, en tirets). Double-cliquez pour suivre de nouveau les données.</translation>
    </message>
    <message>
        <source>The images of the current batch with their true count and the model&apos;s prediction (with the parameters the step started from).</source>
        <translation>Les images du lot courant avec leur nombre réel de personnes et la prédiction du modèle (avec les paramètres dont le pas est parti).</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Valeurs</translation>
    </message>
    <message>
        <source>Every number of the last step.</source>
        <translation>Tous les nombres du dernier pas.</translation>
    </message>
    <message>
        <source>What you see</source>
        <translation>Ce que vous voyez</translation>
    </message>
    <message>
        <source>A short explanation of the picture under the current settings (View → Teaching captions).</source>
        <translation>Une courte explication de l’image avec les réglages actuels (Affichage → Explications).</translation>
    </message>
    <message>
        <source>The objective and the update rule of the current run.</source>
        <translation>La fonction objectif et la règle de mise à jour de l’entraînement en cours.</translation>
    </message>
    <message>
        <source>Show every number of the last step and what the picture means</source>
        <translation>Afficher tous les nombres du dernier pas et ce que l’image signifie</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Perte</translation>
    </message>
    <message>
        <source>Show the loss during training and the images of the current batch</source>
        <translation>Afficher la perte pendant l’entraînement et les images du lot courant</translation>
    </message>
    <message>
        <source>Step card</source>
        <translation>Fiche du pas</translation>
    </message>
    <message>
        <source>Show the arithmetic of the last update with its real numbers</source>
        <translation>Afficher le calcul de la dernière mise à jour avec ses vrais nombres</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>Contrôle du gradient</translation>
    </message>
    <message>
        <source>Show the analytic gradient beside the numeric one at the current point</source>
        <translation>Afficher le gradient analytique à côté du gradient numérique au point actuel</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>Show the images, the split, the model&apos;s curve over the data and the augmentations</source>
        <translation>Afficher les images, la séparation des données, la courbe du modèle sur les données et les augmentations</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>Show a network&apos;s layers: each first-layer unit&apos;s weights as an image, live, and each layer&apos;s gradient norm</source>
        <translation>Afficher les couches d’un réseau&#xa0;: les poids de chaque neurone de la première couche sous forme d’image, en direct, et la norme du gradient de chaque couche</translation>
    </message>
    <message>
        <source>Race</source>
        <translation>Course</translation>
    </message>
    <message>
        <source>Race several optimizers from the same start on this landscape</source>
        <translation>Faire courir plusieurs optimiseurs depuis le même départ sur ce paysage</translation>
    </message>
    <message>
        <source>Race panel</source>
        <translation>Panneau de course</translation>
    </message>
    <message>
        <source>3D view</source>
        <translation>Vue 3D</translation>
    </message>
    <message>
        <source>Show the landscape as a surface in 3D with the path on it (right drag rotates, the wheel zooms)</source>
        <translation>Afficher le paysage comme une surface en 3D avec la trajectoire dessus (glisser avec le bouton droit fait tourner, la molette zoome)</translation>
    </message>
    <message>
        <source>3D view (unavailable: built without Qt Data Visualization)</source>
        <translation>Vue 3D (indisponible&#xa0;: compilé sans Qt Data Visualization)</translation>
    </message>
    <message>
        <source>Install qt6-datavisualization-dev (./setup.sh does) and build again for the 3D view</source>
        <translation>Installez qt6-datavisualization-dev (./setup.sh le fait) et recompilez pour avoir la vue 3D</translation>
    </message>
    <message>
        <source>Landscape: %1</source>
        <translation>Paysage&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 = %2   %3 = %4   loss %5</source>
        <translation>%1 = %2   %3 = %4   perte %5</translation>
    </message>
    <message>
        <source>step %1   loss %2</source>
        <translation>pas %1   perte %2</translation>
    </message>
    <message>
        <source>About Downhill</source>
        <translation>À propos de Downhill</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Downhill %1&lt;/h3&gt;&lt;p&gt;Gradient descent at work: a small model learns to count the people in tiny images, and Downhill draws its loss as a landscape over two parameters, with the point where training stands, the gradient, the step taken and the path so far.&lt;/p&gt;&lt;p&gt;Update rules follow PyTorch&apos;s documented semantics.&lt;/p&gt;&lt;p&gt;License: GPL-3.0-or-later. Plots by QCustomPlot (GPL-3.0); linear algebra by Eigen.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Downhill %1&lt;/h3&gt;&lt;p&gt;La descente de gradient à l’œuvre&#xa0;: un petit modèle apprend à compter les personnes dans de minuscules images, et Downhill dessine sa perte comme un paysage au-dessus de deux paramètres, avec le point où en est l’entraînement, le gradient, le pas effectué et la trajectoire parcourue.&lt;/p&gt;&lt;p&gt;Les règles de mise à jour suivent la sémantique documentée de PyTorch.&lt;/p&gt;&lt;p&gt;Licence&#xa0;: GPL-3.0-or-later. Graphiques par QCustomPlot (GPL-3.0)&#xa0;; algèbre linéaire par Eigen.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>downhill::ui::NetworkPanel</name>
    <message>
        <source>The network panel shows a network&apos;s layers: choose a network under Model (“Networks on the pixels”).</source>
        <translation>Le panneau Réseau montre les couches d’un réseau&#xa0;: choisissez un réseau sous Modèle («&#xa0;Réseaux sur les pixels&#xa0;»).</translation>
    </message>
    <message>
        <source>step</source>
        <translation>pas</translation>
    </message>
    <message>
        <source>|gradient| per layer</source>
        <translation>|gradient| par couche</translation>
    </message>
    <message>
        <source>Each linear layer&apos;s gradient norm |dL/dW, dL/db| at every step (log scale): a layer whose curve sinks far below the others learns slowly</source>
        <translation>La norme du gradient |dL/dW, dL/db| de chaque couche linéaire à chaque pas (échelle log)&#xa0;: une couche dont la courbe descend loin sous les autres apprend lentement</translation>
    </message>
    <message>
        <source>%1: %2, %3 parameters</source>
        <translation>%1&#xa0;: %2, %3 paramètres</translation>
    </message>
    <message>
        <source> · step %1</source>
        <translation> · pas %1</translation>
    </message>
    <message>
        <source>Linear %1 %2</source>
        <translation>Linear %1 %2</translation>
    </message>
    <message>
        <source>
|gradient|: %1</source>
        <translation>
|gradient|&#xa0;: %1</translation>
    </message>
    <message>
        <source>|gradient|</source>
        <translation>|gradient|</translation>
    </message>
</context>
<context>
    <name>downhill::ui::NetworkView</name>
    <message>
        <source>Each square: one unit of the first layer, its incoming weight from every pixel where that pixel sits. Red: positive, blue: negative, white: near 0.</source>
        <translation>Chaque carré&#xa0;: un neurone de la première couche, son poids entrant depuis chaque pixel, placé là où se trouve ce pixel. Rouge&#xa0;: positif, bleu&#xa0;: négatif, blanc&#xa0;: proche de 0.</translation>
    </message>
    <message>
        <source>%1: weights per unit</source>
        <translation>%1&#xa0;: poids par neurone</translation>
    </message>
    <message>
        <source> (first %1)</source>
        <translation> (les %1 premiers)</translation>
    </message>
    <message>
        <source>%1: weights into y</source>
        <translation>%1&#xa0;: poids vers y</translation>
    </message>
    <message>
        <source>%1: a row per unit</source>
        <translation>%1&#xa0;: une ligne par neurone</translation>
    </message>
</context>
<context>
    <name>downhill::ui::PresentationMode</name>
    <message>
        <source>Presentation mode: F5 to leave</source>
        <translation>Mode présentation&#xa0;: F5 pour en sortir</translation>
    </message>
</context>
<context>
    <name>downhill::ui::RaceMode</name>
    <message>
        <source>Play race</source>
        <translation>Lancer la course</translation>
    </message>
    <message>
        <source>Step every entrant of the race together at the chosen speed, or pause</source>
        <translation>Faire avancer tous les concurrents de la course ensemble à la vitesse choisie, ou mettre en pause</translation>
    </message>
    <message>
        <source>Step race</source>
        <translation>Course&#xa0;: un pas</translation>
    </message>
    <message>
        <source>One update for every entrant of the race</source>
        <translation>Une mise à jour pour chaque concurrent de la course</translation>
    </message>
    <message>
        <source>Reset race</source>
        <translation>Réinitialiser la course</translation>
    </message>
    <message>
        <source>Every entrant back to the start point: step 0, fresh optimizer state</source>
        <translation>Tous les concurrents reviennent au point de départ&#xa0;: pas 0, état des optimiseurs remis à neuf</translation>
    </message>
    <message>
        <source>SGD vs momentum vs RMSprop vs Adam</source>
        <translation>SGD contre momentum contre RMSprop contre Adam</translation>
    </message>
    <message>
        <source>Race four classic optimizers with learning rates worked out for this landscape</source>
        <translation>Faire courir quatre optimiseurs classiques avec des taux d’apprentissage calculés pour ce paysage</translation>
    </message>
    <message>
        <source>Clear race</source>
        <translation>Vider la course</translation>
    </message>
    <message>
        <source>Remove every entrant and the race&apos;s paths</source>
        <translation>Retirer tous les concurrents et les trajectoires de la course</translation>
    </message>
    <message>
        <source>Entrant %1: %2</source>
        <translation>Concurrent %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Main run: %1</source>
        <translation>Entraînement principal&#xa0;: %1</translation>
    </message>
    <message>
        <source>. The others race on.</source>
        <translation>. Les autres continuent la course.</translation>
    </message>
    <message>
        <source>catching up… step %1 of %2</source>
        <translation>rattrape son retard… pas %1 sur %2</translation>
    </message>
    <message>
        <source>step 0 · ready</source>
        <translation>pas 0 · prêt</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>pas %1</translation>
    </message>
    <message>
        <source>loss %1</source>
        <translation>perte %1</translation>
    </message>
    <message>
        <source>Pause race</source>
        <translation>Mettre la course en pause</translation>
    </message>
</context>
<context>
    <name>downhill::ui::RacePanel</name>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add an entrant: a copy of the last one, to change one setting (at most %1)</source>
        <translation>Ajouter un concurrent&#xa0;: une copie du dernier, pour changer un réglage (%1 au plus)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vider</translation>
    </message>
    <message>
        <source>Remove every entrant and the race&apos;s paths</source>
        <translation>Retirer tous les concurrents et les trajectoires de la course</translation>
    </message>
    <message>
        <source>Several optimizers from the main run&apos;s start point on this landscape, stepped together: each has its colour, its path, its legend entry and its loss curve. Start with the preset or add entrants.</source>
        <translation>Plusieurs optimiseurs partant du point de départ de l’entraînement principal sur ce paysage, avançant ensemble&#xa0;: chacun a sa couleur, sa trajectoire, son entrée dans la légende et sa courbe de perte. Commencez par la présélection ou ajoutez des concurrents.</translation>
    </message>
    <message>
        <source>The update rule (PyTorch&apos;s semantics)</source>
        <translation>La règle de mise à jour (sémantique de PyTorch)</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Taux d’apprentissage</translation>
    </message>
    <message>
        <source>Remove this entrant</source>
        <translation>Retirer ce concurrent</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>taux</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>momentum</translation>
    </message>
    <message>
        <source>Momentum (the weight of past gradients)</source>
        <translation>Momentum (le poids des gradients passés)</translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <source>betas</source>
        <translation>betas</translation>
    </message>
    <message>
        <source>Adam&apos;s beta1: the average of gradients</source>
        <translation>beta1 d’Adam&#xa0;: la moyenne des gradients</translation>
    </message>
    <message>
        <source>Adam&apos;s beta2: the average of squared gradients</source>
        <translation>beta2 d’Adam&#xa0;: la moyenne des carrés des gradients</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>lot</translation>
    </message>
    <message>
        <source>Samples per update (the largest value is the whole training set)</source>
        <translation>Exemples par mise à jour (la plus grande valeur est tout l’ensemble d’entraînement)</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>pas commencé</translation>
    </message>
    <message>
        <source>Preset: four optimizers</source>
        <translation>Préréglage : quatre optimiseurs</translation>
    </message>
    <message>
        <source>SGD, SGD with momentum 0.9, RMSprop and Adam, with learning rates worked out for this landscape</source>
        <translation>SGD, SGD avec momentum 0,9, RMSprop et Adam, avec des taux d’apprentissage calculés pour ce paysage</translation>
    </message>
</context>
<context>
    <name>downhill::ui::ReadoutPanel</name>
    <message>
        <source>step</source>
        <translation>pas</translation>
    </message>
    <message>
        <source>Updates taken so far.</source>
        <translation>Mises à jour effectuées jusqu’ici.</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>époque</translation>
    </message>
    <message>
        <source>Passes through the training set completed (0-based: the epoch now running).</source>
        <translation>Passages complets sur l’ensemble d’entraînement (comptés à partir de 0&#xa0;: l’époque en cours).</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>lot</translation>
    </message>
    <message>
        <source>The last batch&apos;s number within its epoch, of how many.</source>
        <translation>Le numéro du dernier lot dans son époque, sur combien.</translation>
    </message>
    <message>
        <source>lr now</source>
        <translation>lr actuel</translation>
    </message>
    <message>
        <source>The learning rate the schedule gave the last step.</source>
        <translation>Le taux d’apprentissage que la planification a donné au dernier pas.</translation>
    </message>
    <message>
        <source>batch loss</source>
        <translation>perte du lot</translation>
    </message>
    <message>
        <source>Mean loss over the last batch, before its update.</source>
        <translation>Perte moyenne sur le dernier lot, avant sa mise à jour.</translation>
    </message>
    <message>
        <source>train loss</source>
        <translation>perte entr.</translation>
    </message>
    <message>
        <source>Loss over the whole training set after the last update.</source>
        <translation>Perte sur tout l’ensemble d’entraînement après la dernière mise à jour.</translation>
    </message>
    <message>
        <source>val loss</source>
        <translation>perte val.</translation>
    </message>
    <message>
        <source>Loss on the validation set at the end of the last epoch.</source>
        <translation>Perte sur l’ensemble de validation à la fin de la dernière époque.</translation>
    </message>
    <message>
        <source>|gradient|</source>
        <translation>|gradient|</translation>
    </message>
    <message>
        <source>Length of the last batch&apos;s gradient.</source>
        <translation>Longueur du gradient du dernier lot.</translation>
    </message>
    <message>
        <source>off plane</source>
        <translation>hors du plan</translation>
    </message>
    <message>
        <source>How far the current point stands from the plotted plane: the path drawn is its projection, not the path. The share is of the length of the parameter vector.</source>
        <translation>La distance entre le point actuel et le plan affiché&#xa0;: la trajectoire dessinée est sa projection, pas la trajectoire elle-même. La part est rapportée à la longueur du vecteur des paramètres.</translation>
    </message>
    <message>
        <source>Each parameter and the gradient of the batch loss with respect to it.</source>
        <translation>Chaque paramètre et le gradient de la perte du lot par rapport à lui.</translation>
    </message>
    <message>
        <source>%1 parameters
|w| = %2</source>
        <translation>%1 paramètres
|w| = %2</translation>
    </message>
    <message>
        <source>largest |dL/dw|:</source>
        <translation>plus grand |dL/dw|&#xa0;:</translation>
    </message>
</context>
<context>
    <name>downhill::ui::RunBuilder</name>
    <message>
        <source>Cancelled: the run is as it was.</source>
        <translation>Annulé&#xa0;: l’entraînement est inchangé.</translation>
    </message>
    <message>
        <source>No PCA plane yet: %1. Train a few steps, then choose it again.</source>
        <translation>Pas encore de plan ACP&#xa0;: %1. Entraînez quelques pas, puis choisissez-le de nouveau.</translation>
    </message>
    <message>
        <source>No random plane here: %1. Showing two parameters instead.</source>
        <translation>Pas de plan aléatoire ici&#xa0;: %1. Deux paramètres sont affichés à la place.</translation>
    </message>
    <message>
        <source>The training loss at the start point overflows (it is not a finite number): the data&apos;s numbers are too large for this model. The first step will diverge; scale the data down.</source>
        <translation>La perte d’entraînement au point de départ déborde (ce n’est pas un nombre fini)&#xa0;: les nombres des données sont trop grands pour ce modèle. Le premier pas va diverger&#xa0;; réduisez l’échelle des données.</translation>
    </message>
    <message>
        <source>The settings are back to what they were at this step.</source>
        <translation>Les réglages sont revenus à ce qu’ils étaient à ce pas.</translation>
    </message>
</context>
<context>
    <name>downhill::ui::RunPresenter</name>
    <message>
        <source>before the change at step %1</source>
        <translation>avant le changement au pas %1</translation>
    </message>
    <message>
        <source>%1. The path ends at the last finite point: lower the learning rate and press Reset (R).</source>
        <translation>%1. La trajectoire s’arrête au dernier point fini&#xa0;: baissez le taux d’apprentissage et appuyez sur Réinitialiser (R).</translation>
    </message>
    <message>
        <source>Diverged at step %1 — lower the learning rate and press Reset</source>
        <translation>Divergence au pas %1 — baissez le taux d’apprentissage et appuyez sur Réinitialiser</translation>
    </message>
</context>
<context>
    <name>downhill::ui::SpeedControl</name>
    <message>
        <source>%1 steps/s</source>
        <translation>%1 pas/s</translation>
    </message>
    <message>
        <source>Training speed while playing: from 1 step per second (to follow every step) to max (as fast as the engine runs).</source>
        <translation>Vitesse d’entraînement pendant la lecture&#xa0;: de 1 pas par seconde (pour suivre chaque pas) à max (aussi vite que le calcul le permet).</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Vitesse</translation>
    </message>
    <message>
        <source>max</source>
        <translation>max</translation>
    </message>
    <message>
        <source>1 step/s</source>
        <translation>1 pas/s</translation>
    </message>
</context>
<context>
    <name>downhill::ui::StepCard</name>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the whole step as plain text, to paste into notes or a slide</source>
        <translation>Copier tout le pas en texte brut, pour le coller dans des notes ou une diapositive</translation>
    </message>
    <message>
        <source>Press Step (Right arrow) to see the arithmetic of one update.</source>
        <translation>Appuyez sur Un pas (flèche droite) pour voir le calcul d’une mise à jour.</translation>
    </message>
    <message>
        <source> + momentum %1</source>
        <translation> + momentum %1</translation>
    </message>
    <message>
        <source>Step %1 · %2 · lr %3</source>
        <translation>Pas %1 · %2 · lr %3</translation>
    </message>
    <message>
        <source> · batch of %1 · mean loss %2</source>
        <translation> · lot de %1 · perte moyenne %2</translation>
    </message>
    <message>
        <source> · f = %1</source>
        <translation> · f = %1</translation>
    </message>
    <message>
        <source>The arithmetic of one step</source>
        <translation>Le calcul d’un pas</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
</context>
<context>
    <name>downhill::ui::SurfaceArea</name>
    <message>
        <source>The validation loss over the same two parameters, with the same path. Zoom and pan move both plots; the filled star is this surface&apos;s minimum, the hollow one the training minimum.</source>
        <translation>La perte de validation en fonction des deux mêmes paramètres, avec la même trajectoire. Le zoom et le déplacement agissent sur les deux graphiques&#xa0;; l’étoile pleine est le minimum de cette surface, l’étoile creuse le minimum d’entraînement.</translation>
    </message>
</context>
<context>
    <name>downhill::ui::SurfaceFeeder</name>
    <message>
        <source>1 sample</source>
        <translation>1 exemple</translation>
    </message>
    <message>
        <source>%1 samples</source>
        <translation>%1 exemples</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training set&lt;/b&gt; (%1)%2</source>
        <translation>&lt;b&gt;Entraînement&lt;/b&gt; (%1)%2</translation>
    </message>
    <message>
        <source> · ★ min · ☆ val min</source>
        <translation> · ★ min · ☆ val.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Validation set&lt;/b&gt; (%1)%2</source>
        <translation>&lt;b&gt;Validation&lt;/b&gt; (%1)%2</translation>
    </message>
    <message>
        <source> · ★ min · ☆ train min</source>
        <translation> · ★ min · ☆ entr.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Current batch&lt;/b&gt; · no step yet: the training set until the first update</source>
        <translation>&lt;b&gt;Lot courant&lt;/b&gt; · aucun pas encore&#xa0;: l’ensemble d’entraînement jusqu’à la première mise à jour</translation>
    </message>
    <message>
        <source>&lt;b&gt;Current batch&lt;/b&gt; · batch %1 of epoch %2 (step %3) · %4%5</source>
        <translation>&lt;b&gt;Lot courant&lt;/b&gt; · lot %1 de l’époque %2 (pas %3) · %4%5</translation>
    </message>
    <message>
        <source> · coarse while playing fast</source>
        <translation> · grossier pendant la lecture rapide</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · the function itself (no data)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · la fonction elle-même (sans données)</translation>
    </message>
    <message>
        <source> · &lt;i&gt;no validation set: raise Validation under Data&lt;/i&gt;</source>
        <translation> · &lt;i&gt;pas d’ensemble de validation&#xa0;: augmentez Validation sous Données&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>downhill::ui::TimelineBar</name>
    <message>
        <source>The run so far. Drag to any step: the landscape, the loss plot and every number show that moment, exactly. Change a setting there and training goes on from it as a new branch; the old path stays drawn in grey.</source>
        <translation>L’entraînement jusqu’ici. Faites glisser jusqu’à n’importe quel pas&#xa0;: le paysage, la courbe de perte et tous les nombres montrent exactement ce moment. Changez-y un réglage et l’entraînement repart de là comme une nouvelle branche&#xa0;; l’ancienne trajectoire reste dessinée en gris.</translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>pas %1 sur %2</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Ligne de temps</translation>
    </message>
</context>
<context>
    <name>downhill::ui::Transport</name>
    <message>
        <source>Reset undone: the run is back at step %L1.</source>
        <translation>Réinitialisation annulée&#xa0;: l’entraînement est revenu au pas %L1.</translation>
    </message>
    <message>
        <source>Back at step 0. Undo reset (%1) brings back the run to step %L2.</source>
        <translation>Retour au pas 0. Annuler la réinitialisation (%1) ramène l’entraînement au pas %L2.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Lancer</translation>
    </message>
</context>
<context>
    <name>downhill::ui::UserGuideDialog</name>
    <message>
        <source>Downhill user guide</source>
        <translation>Guide de l’utilisateur de Downhill</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
</context>
<context>
    <name>downhill::ui::ViewModes</name>
    <message>
        <source>Control panel</source>
        <translation>Panneau de réglages</translation>
    </message>
    <message>
        <source>Show or fold away the settings on the left, to give the landscape the room</source>
        <translation>Afficher ou replier les réglages à gauche, pour laisser la place au paysage</translation>
    </message>
    <message>
        <source>Plot only</source>
        <translation>Paysage seul</translation>
    </message>
    <message>
        <source>Show the landscape alone, for the moment a class should look at it; press again for the rest</source>
        <translation>Afficher le paysage seul, le temps que la classe le regarde&#xa0;; appuyez de nouveau pour le reste</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Plein écran</translation>
    </message>
    <message>
        <source>Fill the screen with the window; press again to leave</source>
        <translation>La fenêtre remplit l’écran&#xa0;; appuyez de nouveau pour en sortir</translation>
    </message>
    <message>
        <source>Follow the point</source>
        <translation>Suivre le point</translation>
    </message>
    <message>
        <source>When the run&apos;s point leaves the view, widen the view to the whole path</source>
        <translation>Quand le point de l’entraînement sort de la vue, élargir la vue à toute la trajectoire</translation>
    </message>
    <message>
        <source>Follow the desktop</source>
        <translation>Comme le bureau</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark (for a dim room)</source>
        <translation>Sombre (pour une salle dans la pénombre)</translation>
    </message>
</context>
</TS>
