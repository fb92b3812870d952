<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>FilterExpression</name>
    <message>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <source>a hash key</source>
        <translation>une clé de hachage</translation>
    </message>
    <message>
        <source>a sequence number</source>
        <translation>un numéro de séquence</translation>
    </message>
    <message>
        <source>a shard number</source>
        <translation>un numéro de shard</translation>
    </message>
    <message>
        <source>a time</source>
        <translation>un horodatage</translation>
    </message>
    <message>
        <source>a number of bytes</source>
        <translation>un nombre d&apos;octets</translation>
    </message>
    <message>
        <source>the payload</source>
        <translation>la charge utile</translation>
    </message>
    <message>
        <source>a JSON value</source>
        <translation>une valeur JSON</translation>
    </message>
    <message>
        <source>use &apos;==&apos; to compare</source>
        <translation>utilisez &apos;==&apos; pour comparer</translation>
    </message>
    <message>
        <source>use &apos;&amp;&amp;&apos;</source>
        <translation>utilisez &apos;&amp;&amp;&apos;</translation>
    </message>
    <message>
        <source>use &apos;||&apos;</source>
        <translation>utilisez &apos;||&apos;</translation>
    </message>
    <message>
        <source>unexpected character &apos;%1&apos;</source>
        <translation>caractère inattendu &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected four hex digits after &apos;\u&apos;</source>
        <translation>quatre chiffres hexadécimaux attendus après &apos;\u&apos;</translation>
    </message>
    <message>
        <source>unknown escape &apos;\%1&apos; in a string</source>
        <translation>séquence d&apos;échappement inconnue &apos;\%1&apos; dans une chaîne</translation>
    </message>
    <message>
        <source>unterminated string</source>
        <translation>chaîne non terminée</translation>
    </message>
    <message>
        <source>unterminated regular expression</source>
        <translation>expression régulière non terminée</translation>
    </message>
    <message>
        <source>invalid time &apos;%1&apos;; write it like 2026-11-26T10:00:00Z</source>
        <translation>date invalide &apos;%1&apos;&#xa0;; écrivez-la sous la forme 2026-11-26T10:00:00Z</translation>
    </message>
    <message>
        <source>unknown size suffix &apos;%1&apos;; use k, m or g</source>
        <translation>suffixe de taille inconnu &apos;%1&apos;&#xa0;; utilisez k, m ou g</translation>
    </message>
    <message>
        <source>invalid number &apos;%1&apos;</source>
        <translation>nombre invalide &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected a key after &apos;.&apos;</source>
        <translation>clé attendue après &apos;.&apos;</translation>
    </message>
    <message>
        <source>index too large</source>
        <translation>index trop grand</translation>
    </message>
    <message>
        <source>expected an index or a quoted key after &apos;[&apos;</source>
        <translation>index ou clé entre guillemets attendu après &apos;[&apos;</translation>
    </message>
    <message>
        <source>expected &apos;]&apos;</source>
        <translation>&apos;]&apos; attendu</translation>
    </message>
    <message>
        <source>unexpected &apos;)&apos;</source>
        <translation>&apos;)&apos; inattendu</translation>
    </message>
    <message>
        <source>expected &apos;&amp;&amp;&apos; or &apos;||&apos; before &apos;%1&apos;</source>
        <translation>&apos;&amp;&amp;&apos; ou &apos;||&apos; attendu avant &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the filter is nested too deeply</source>
        <translation>le filtre est trop profondément imbriqué</translation>
    </message>
    <message>
        <source>expected &apos;)&apos;</source>
        <translation>&apos;)&apos; attendu</translation>
    </message>
    <message>
        <source>expected a field after &apos;%1&apos;</source>
        <translation>champ attendu après &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected a field, not &apos;%1&apos;</source>
        <translation>champ attendu au lieu de &apos;%1&apos;</translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos;; did you mean &apos;%2&apos;?</source>
        <translation>champ inconnu &apos;%1&apos;&#xa0;; vouliez-vous dire &apos;%2&apos;&#xa0;?</translation>
    </message>
    <message>
        <source>only data has JSON paths, as in data.status</source>
        <translation>seul data accepte des chemins JSON, comme dans data.status</translation>
    </message>
    <message>
        <source>expected an operator after &apos;%1&apos;</source>
        <translation>opérateur attendu après &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be used with %2 (%3)</source>
        <translation>&apos;%1&apos; ne peut pas être utilisé avec %2 (%3)</translation>
    </message>
    <message>
        <source>expected &apos;(&apos; after &apos;in&apos;</source>
        <translation>&apos;(&apos; attendu après &apos;in&apos;</translation>
    </message>
    <message>
        <source>the list is empty</source>
        <translation>la liste est vide</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;)&apos; in the list</source>
        <translation>&apos;,&apos; ou &apos;)&apos; attendu dans la liste</translation>
    </message>
    <message>
        <source>expected a value after &apos;%1&apos;</source>
        <translation>valeur attendue après &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected /regex/ or a string after &apos;matches&apos;</source>
        <translation>/regex/ ou chaîne attendue après &apos;matches&apos;</translation>
    </message>
    <message>
        <source>a /regex/ can only follow &apos;matches&apos;</source>
        <translation>une /regex/ ne peut suivre que &apos;matches&apos;</translation>
    </message>
    <message>
        <source>%1 needs text in quotes, such as %2</source>
        <translation>%1 attend du texte entre guillemets, par exemple %2</translation>
    </message>
    <message>
        <source>seq needs a decimal sequence number, such as 49590338271490256608559692538361571095921575989136588898</source>
        <translation>seq attend un numéro de séquence décimal, par exemple 49590338271490256608559692538361571095921575989136588898</translation>
    </message>
    <message>
        <source>ehk needs a decimal hash key, such as 170141183460469231731687303715884105728</source>
        <translation>ehk attend une clé de hachage décimale, par exemple 170141183460469231731687303715884105728</translation>
    </message>
    <message>
        <source>shard needs a shard number such as 3 or a shard id such as &quot;shardId-000000000003&quot;</source>
        <translation>shard attend un numéro de shard comme 3 ou un identifiant de shard comme &quot;shardId-000000000003&quot;</translation>
    </message>
    <message>
        <source>time needs a time such as 2026-11-26T10:00:00Z</source>
        <translation>time attend une date comme 2026-11-26T10:00:00Z</translation>
    </message>
    <message>
        <source>size needs a number of bytes such as 1024 or 1k</source>
        <translation>size attend un nombre d&apos;octets comme 1024 ou 1k</translation>
    </message>
    <message>
        <source>JSON values compare with text, numbers, true, false or null; put a time in quotes to compare it as text</source>
        <translation>les valeurs JSON se comparent à du texte, des nombres, true, false ou null&#xa0;; mettez une date entre guillemets pour la comparer comme du texte</translation>
    </message>
    <message>
        <source>&apos;%1&apos; compares numbers or text</source>
        <translation>&apos;%1&apos; compare des nombres ou du texte</translation>
    </message>
    <message>
        <source>unknown regular expression flag &apos;%1&apos;; use i, s, m or x</source>
        <translation>option d&apos;expression régulière inconnue &apos;%1&apos;&#xa0;; utilisez i, s, m ou x</translation>
    </message>
    <message>
        <source>invalid regular expression: %1</source>
        <translation>expression régulière invalide&#xa0;: %1</translation>
    </message>
    <message>
        <source>A value in the JSON payload, e.g. data.items[0].sku</source>
        <translation>Une valeur de la charge utile JSON, p. ex. data.items[0].sku</translation>
    </message>
    <message>
        <source>The partition key (text)</source>
        <translation>La clé de partition (texte)</translation>
    </message>
    <message>
        <source>The explicit hash key (decimal; &quot;&quot; when the record has none)</source>
        <translation>La clé de hachage explicite (décimale&#xa0;; &quot;&quot; si l&apos;enregistrement n&apos;en a pas)</translation>
    </message>
    <message>
        <source>The sequence number (decimal)</source>
        <translation>Le numéro de séquence (décimal)</translation>
    </message>
    <message>
        <source>The shard&apos;s index, e.g. 3 for shardId-000000000003</source>
        <translation>L&apos;index du shard, p. ex. 3 pour shardId-000000000003</translation>
    </message>
    <message>
        <source>The arrival time, e.g. 2026-11-26T10:00:00Z</source>
        <translation>L&apos;heure d&apos;arrivée, p. ex. 2026-11-26T10:00:00Z</translation>
    </message>
    <message>
        <source>The payload size in bytes; 1k = 1024</source>
        <translation>La taille de la charge utile en octets&#xa0;; 1k = 1024</translation>
    </message>
    <message>
        <source>The payload: compare as text, search bytes, or match a regex</source>
        <translation>La charge utile&#xa0;: comparer comme texte, rechercher des octets ou appliquer une regex</translation>
    </message>
</context>
<context>
    <name>KplAggregation</name>
    <message>
        <source>Truncated protobuf: the varint at byte %1 runs past the end of the message</source>
        <translation>Protobuf tronqué&#xa0;: le varint à l&apos;octet %1 dépasse la fin du message</translation>
    </message>
    <message>
        <source>Malformed protobuf: the varint at byte %1 does not fit in 64 bits</source>
        <translation>Protobuf mal formé&#xa0;: le varint à l&apos;octet %1 ne tient pas sur 64 bits</translation>
    </message>
    <message>
        <source>Malformed protobuf: invalid field number %1 at byte %2</source>
        <translation>Protobuf mal formé&#xa0;: numéro de champ %1 invalide à l&apos;octet %2</translation>
    </message>
    <message>
        <source>Malformed protobuf: unsupported wire type %1 at byte %2</source>
        <translation>Protobuf mal formé&#xa0;: type de codage %1 non pris en charge à l&apos;octet %2</translation>
    </message>
    <message>
        <source>Truncated protobuf: the field at byte %1 declares %2 bytes, but only %3 remain</source>
        <translation>Protobuf tronqué&#xa0;: le champ à l&apos;octet %1 déclare %2 octets, mais il n&apos;en reste que %3</translation>
    </message>
    <message>
        <source>Truncated protobuf: the fixed-width field at byte %1 runs past the end of the message</source>
        <translation>Protobuf tronqué&#xa0;: le champ de taille fixe à l&apos;octet %1 dépasse la fin du message</translation>
    </message>
    <message>
        <source>Malformed protobuf: field %1 (%2) at byte %3 has the wrong wire type %4</source>
        <translation>Protobuf mal formé&#xa0;: le champ %1 (%2) à l&apos;octet %3 a un type de codage incorrect, %4</translation>
    </message>
    <message>
        <source>The tag at byte %1 has no key</source>
        <translation>La balise à l&apos;octet %1 n&apos;a pas de clé</translation>
    </message>
    <message>
        <source>Not a KPL aggregated record: it does not start with the magic number F3 89 9A C2</source>
        <translation>Pas un enregistrement agrégé KPL&#xa0;: il ne commence pas par le nombre magique F3 89 9A C2</translation>
    </message>
    <message>
        <source>Truncated KPL record: %1 bytes is too short for the magic number and the MD5 checksum</source>
        <translation>Enregistrement KPL tronqué&#xa0;: %1 octets, c&apos;est trop court pour le nombre magique et la somme de contrôle MD5</translation>
    </message>
    <message>
        <source>Sub-record %1 (byte %2) has no partition_key_index</source>
        <translation>Le sous-enregistrement %1 (octet %2) n&apos;a pas de partition_key_index</translation>
    </message>
    <message>
        <source>Sub-record %1 (byte %2) has no data</source>
        <translation>Le sous-enregistrement %1 (octet %2) n&apos;a pas de données</translation>
    </message>
    <message>
        <source>Sub-record %1 (byte %2) uses partition key %3, but the table has %4</source>
        <translation>Le sous-enregistrement %1 (octet %2) utilise la clé de partition %3, mais la table en contient %4</translation>
    </message>
    <message>
        <source>Sub-record %1 (byte %2) uses explicit hash key %3, but the table has %4</source>
        <translation>Le sous-enregistrement %1 (octet %2) utilise la clé de hachage explicite %3, mais la table en contient %4</translation>
    </message>
    <message>
        <source>User record %1: the partition key must have 1 to %2 characters</source>
        <translation>Enregistrement utilisateur %1&#xa0;: la clé de partition doit comporter de 1 à %2 caractères</translation>
    </message>
    <message>
        <source>User record %1: the explicit hash key must be a decimal number from 0 to 2^128 - 1</source>
        <translation>Enregistrement utilisateur %1&#xa0;: la clé de hachage explicite doit être un nombre décimal de 0 à 2^128 - 1</translation>
    </message>
    <message>
        <source>User record %1: a tag has an empty key</source>
        <translation>Enregistrement utilisateur %1&#xa0;: une balise a une clé vide</translation>
    </message>
</context>
<context>
    <name>PayloadDecoder</name>
    <message>
        <source>The decompressor could not start.</source>
        <translation>Le décompresseur n&apos;a pas pu démarrer.</translation>
    </message>
    <message>
        <source>The compressed stream is truncated.</source>
        <translation>Les données compressées sont tronquées.</translation>
    </message>
    <message>
        <source>The compressed stream needs a preset dictionary.</source>
        <translation>Les données compressées nécessitent un dictionnaire prédéfini.</translation>
    </message>
    <message>
        <source>Out of memory while decompressing.</source>
        <translation>Mémoire insuffisante lors de la décompression.</translation>
    </message>
    <message>
        <source>The compressed stream is corrupt: %1.</source>
        <translation>Les données compressées sont corrompues&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Not base64: the text contains &quot;%1&quot;.</source>
        <translation>Pas du base64&#xa0;: le texte contient &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Not base64: the length does not fit whole bytes.</source>
        <translation>Pas du base64&#xa0;: la longueur ne correspond pas à un nombre entier d&apos;octets.</translation>
    </message>
    <message>
        <source>Not base64: the text contains characters outside the base64 alphabet.</source>
        <translation>Pas du base64&#xa0;: le texte contient des caractères hors de l&apos;alphabet base64.</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>binaire</translation>
    </message>
    <message>
        <source>KPL aggregate</source>
        <translation>agrégat KPL</translation>
    </message>
    <message>
        <source>gzip</source>
        <translation>gzip</translation>
    </message>
    <message>
        <source>zlib</source>
        <translation>zlib</translation>
    </message>
    <message>
        <source>KPL</source>
        <translation>KPL</translation>
    </message>
    <message>
        <source>1 sub-record</source>
        <translation>1 sous-enregistrement</translation>
    </message>
    <message>
        <source>%L1 sub-records</source>
        <translation>%L1 sous-enregistrements</translation>
    </message>
    <message>
        <source>The KPL record&apos;s MD5 checksum does not match its contents; the KCL would not de-aggregate it.</source>
        <translation>La somme de contrôle MD5 de l&apos;enregistrement KPL ne correspond pas à son contenu&#xa0;; la KCL ne le désagrégerait pas.</translation>
    </message>
    <message>
        <source>The payload starts like a KPL aggregated record, but: %1</source>
        <translation>La charge utile commence comme un enregistrement agrégé KPL, mais&#xa0;: %1</translation>
    </message>
    <message>
        <source>More than %1 layers of compression; the rest is shown as it is.</source>
        <translation>Plus de %1 niveaux de compression&#xa0;; le reste est affiché tel quel.</translation>
    </message>
    <message>
        <source>The payload starts like gzip, but: %1</source>
        <translation>La charge utile commence comme du gzip, mais&#xa0;: %1</translation>
    </message>
    <message>
        <source>The %1 stream inflates to more than %2 bytes; only the first %2 are shown.</source>
        <translation>Les données %1 se décompressent en plus de %2 octets&#xa0;; seuls les %2 premiers sont affichés.</translation>
    </message>
    <message>
        <source>%1 bytes after the end of the %2 stream were ignored.</source>
        <translation>%1 octets après la fin des données %2 ont été ignorés.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Shardscope: a desktop stream explorer and emulator for Amazon Kinesis Data Streams.</source>
        <translation>Shardscope&#xa0;: un explorateur et émulateur de flux de bureau pour Amazon Kinesis Data Streams.</translation>
    </message>
    <message>
        <source>Emulator database file (default: %1).</source>
        <translation>Fichier de base de données de l&apos;émulateur (par défaut&#xa0;: %1).</translation>
    </message>
    <message>
        <source>Keep the emulator&apos;s data in memory only; it is gone when the app exits.</source>
        <translation>Conserver les données de l&apos;émulateur en mémoire uniquement&#xa0;; elles disparaissent à la fermeture de l&apos;application.</translation>
    </message>
    <message>
        <source>Save a PNG of the main window to &lt;path&gt; once it has settled, then quit.</source>
        <translation>Enregistrer une capture PNG de la fenêtre principale dans &lt;path&gt; une fois celle-ci stabilisée, puis quitter.</translation>
    </message>
    <message>
        <source>With --screenshot: how long to let the window run first (default 1.5).</source>
        <translation>Avec --screenshot&#xa0;: durée pendant laquelle la fenêtre s&apos;exécute avant la capture (par défaut 1.5).</translation>
    </message>
    <message>
        <source>Run headless: serve the emulator with the Kinesis wire protocol and print its URL.</source>
        <translation>Mode sans interface&#xa0;: servir l&apos;émulateur avec le protocole Kinesis et afficher son URL.</translation>
    </message>
    <message>
        <source>Port to serve on (default 4567; 0 picks a free port).</source>
        <translation>Port d&apos;écoute (par défaut 4567&#xa0;; 0 choisit un port libre).</translation>
    </message>
    <message>
        <source>Address to serve on (default 127.0.0.1).</source>
        <translation>Adresse d&apos;écoute (par défaut 127.0.0.1).</translation>
    </message>
    <message>
        <source>With --serve: create this stream at start if it does not exist (repeatable).</source>
        <translation>Avec --serve&#xa0;: créer ce flux au démarrage s&apos;il n&apos;existe pas (répétable).</translation>
    </message>
    <message>
        <source>How long streams stay CREATING, UPDATING and DELETING (default 500).</source>
        <translation>Durée pendant laquelle les flux restent à l&apos;état CREATING, UPDATING et DELETING (par défaut 500).</translation>
    </message>
    <message>
        <source>With --serve: verify every request&apos;s SigV4 signature against the configured keys (--access-key, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY).</source>
        <translation>Avec --serve&#xa0;: vérifier la signature SigV4 de chaque requête avec les clés configurées (--access-key, ou AWS_ACCESS_KEY_ID et AWS_SECRET_ACCESS_KEY).</translation>
    </message>
    <message>
        <source>With --require-auth: an accepted key pair (repeatable).</source>
        <translation>Avec --require-auth&#xa0;: une paire de clés acceptée (répétable).</translation>
    </message>
    <message>
        <source>Region of the emulator&apos;s ARNs and signatures (default us-east-1).</source>
        <translation>Région des ARN et des signatures de l&apos;émulateur (par défaut us-east-1).</translation>
    </message>
    <message>
        <source>Do not enforce Kinesis&apos;s per-shard throughput limits in the emulator (1 MiB/s and 1,000 records/s written, 5 reads/s and 2 MiB/s read).</source>
        <translation>Ne pas appliquer les limites de débit par shard de Kinesis dans l&apos;émulateur (1 Mio/s et 1 000 enregistrements/s en écriture, 5 lectures/s et 2 Mio/s en lecture).</translation>
    </message>
    <message>
        <source>Do not trickle sample events into the demo stream in this session.</source>
        <translation>Ne pas injecter d&apos;événements d&apos;exemple dans le flux de démo pendant cette session.</translation>
    </message>
    <message>
        <source>Open this stream of the local emulator at start.</source>
        <translation>Ouvrir ce flux de l&apos;émulateur local au démarrage.</translation>
    </message>
    <message>
        <source>With --serve: serve https with a self-signed certificate, kept next to the database (or temporary with --in-memory); its path is printed for clients to trust.</source>
        <translation>Avec --serve&#xa0;: servir en https avec un certificat auto-signé, conservé à côté de la base de données (ou temporaire avec --in-memory)&#xa0;; son chemin est affiché pour que les clients puissent lui faire confiance.</translation>
    </message>
    <message>
        <source>Shardscope</source>
        <translation>Shardscope</translation>
    </message>
    <message>
        <source>The emulator database could not be opened:
%1</source>
        <translation>La base de données de l&apos;émulateur n&apos;a pas pu être ouverte&#xa0;:
%1</translation>
    </message>
    <message>
        <source>Local emulator</source>
        <translation>Émulateur local</translation>
    </message>
    <message>
        <source>With --stream: start reading its records from the trim horizon.</source>
        <translation>Avec --stream : lire ses enregistrements depuis le trim horizon.</translation>
    </message>
    <message>
        <source>With --tail: apply this record filter once reading has started.</source>
        <translation>Avec --tail : appliquer ce filtre d&apos;enregistrements dès que la lecture a commencé.</translation>
    </message>
    <message>
        <source>With --tail: show row N of the records table in the inspector once it is there.</source>
        <translation>Avec --tail : afficher la ligne N du tableau des enregistrements dans l&apos;inspecteur dès qu&apos;elle existe.</translation>
    </message>
    <message>
        <source>Open the window at this size in pixels, e.g. 1440x1000.</source>
        <translation>Ouvrir la fenêtre à cette taille en pixels, par exemple 1440x1000.</translation>
    </message>
    <message>
        <source>Start a load generator on a stream of the local emulator and show the Producers page: STREAM:RATE[:uniform|hot|zipf] (hot: one key takes half of the records).</source>
        <translation>Démarrer un générateur de charge sur un flux de l’émulateur local et afficher la page Producteurs&#xa0;: STREAM:RATE[:uniform|hot|zipf] (hot&#xa0;: une clé reçoit la moitié des enregistrements).</translation>
    </message>
    <message>
        <source>With --stream: the tab to show (overview, shards, records, metrics or consumers).</source>
        <translation>Avec --stream&#xa0;: l’onglet à afficher (overview, shards, records, metrics ou consumers).</translation>
    </message>
    <message>
        <source>The look for this run: system, light or dark (default: the one chosen in Settings).</source>
        <translation>L’apparence pour cette exécution&#xa0;: system, light ou dark (par défaut&#xa0;: celle choisie dans les Paramètres).</translation>
    </message>
</context>
<context>
    <name>shardscope::AccountSettingsDialog</name>
    <message>
        <source>an unknown time</source>
        <translation>un moment inconnu</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>&amp;Minimum throughput billing commitment</source>
        <translation>Engagement de facturation d’un débit &amp;minimal</translation>
    </message>
    <message>
        <source>Account Settings — %1</source>
        <translation>Paramètres du compte — %1</translation>
    </message>
    <message>
        <source>Current:</source>
        <translation>Actuel :</translation>
    </message>
    <message>
        <source>On-demand streams:</source>
        <translation>Flux à la demande :</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Appliquer</translation>
    </message>
    <message>
        <source>Enabled since %1; it can end from %2.</source>
        <translation>Activé depuis le %1 ; peut prendre fin à partir du %2.</translation>
    </message>
    <message>
        <source>Enabled until %1, then it ends.</source>
        <translation>Activé jusqu’au %1, puis il prend fin.</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>La connexion est fermée.</translation>
    </message>
    <message>
        <source>A commitment to a minimum throughput of the account&apos;s on-demand streams, billed whether used or not; warm throughput needs it.</source>
        <translation>Un engagement sur un débit minimal des flux à la demande du compte, facturé qu’il soit utilisé ou non ; le débit préchauffé l’exige.</translation>
    </message>
    <message>
        <source>The commitment keeps running instead of ending.</source>
        <translation>L’engagement continue au lieu de prendre fin.</translation>
    </message>
    <message>
        <source>Once enabled, the commitment runs for at least 24 hours.</source>
        <translation>Une fois activé, l’engagement dure au moins 24 heures.</translation>
    </message>
    <message>
        <source>The commitment ends at its earliest allowed end, or now if that has passed.</source>
        <translation>L’engagement prend fin à la première échéance permise, ou tout de suite si elle est passée.</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Application…</translation>
    </message>
</context>
<context>
    <name>shardscope::ActivityModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Opération</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
</context>
<context>
    <name>shardscope::AddConnectionDialog</name>
    <message>
        <source>access keys in the shared files</source>
        <translation>clés d’accès dans les fichiers partagés</translation>
    </message>
    <message>
        <source>assumes a role through STS</source>
        <translation>endosse un rôle via STS</translation>
    </message>
    <message>
        <source>IAM Identity Center (SSO); run “aws sso login” first</source>
        <translation>IAM Identity Center (SSO) ; lancez d’abord « aws sso login »</translation>
    </message>
    <message>
        <source>credentials from an external process</source>
        <translation>identifiants fournis par un processus externe</translation>
    </message>
    <message>
        <source>no credentials of its own (environment or instance)</source>
        <translation>pas d’identifiants propres (environnement ou instance)</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Profil</translation>
    </message>
    <message>
        <source>Access &amp;keys</source>
        <translation>&amp;Clés d’accès</translation>
    </message>
    <message>
        <source>&amp;None (local endpoint)</source>
        <translation>&amp;Aucun (point de terminaison local)</translation>
    </message>
    <message>
        <source>Access key &amp;ID:</source>
        <translation>&amp;ID de la clé d’accès :</translation>
    </message>
    <message>
        <source>Secret &amp;access key:</source>
        <translation>Clé d’accès &amp;secrète :</translation>
    </message>
    <message>
        <source>Session to&amp;ken:</source>
        <translation>&amp;Jeton de session :</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>&amp;Read-only</source>
        <translation>&amp;Lecture seule</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Tester</translation>
    </message>
    <message>
        <source>Edit AWS Connection — %1</source>
        <translation>Modifier la connexion AWS — %1</translation>
    </message>
    <message>
        <source>Add AWS Connection</source>
        <translation>Ajouter une connexion AWS</translation>
    </message>
    <message>
        <source>e.g. Production (eu-west-1)</source>
        <translation>p. ex. Production (eu-west-1)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Use a profile of ~/.aws/config and ~/.aws/credentials, as the AWS CLI does (keys, SSO, assumed roles, processes).</source>
        <translation>Utiliser un profil de ~/.aws/config et ~/.aws/credentials, comme l’AWS CLI (clés, SSO, rôles endossés, processus).</translation>
    </message>
    <message>
        <source>Type an access key; the secret is kept in the system keychain, never in Shardscope&apos;s settings.</source>
        <translation>Saisir une clé d’accès ; le secret est conservé dans le trousseau du système, jamais dans les réglages de Shardscope.</translation>
    </message>
    <message>
        <source>For kinesalite, LocalStack or another Shardscope that does not check signatures.</source>
        <translation>Pour kinesalite, LocalStack ou un autre Shardscope qui ne vérifie pas les signatures.</translation>
    </message>
    <message>
        <source>Pro&amp;file:</source>
        <translation>Pro&amp;fil :</translation>
    </message>
    <message>
        <source>AKIA…</source>
        <translation>AKIA…</translation>
    </message>
    <message>
        <source>Unchanged (kept in the system keychain)</source>
        <translation>Inchangé (conservé dans le trousseau du système)</translation>
    </message>
    <message>
        <source>Kept in the system keychain</source>
        <translation>Conservé dans le trousseau du système</translation>
    </message>
    <message>
        <source>Optional, for temporary keys</source>
        <translation>Facultatif, pour les clés temporaires</translation>
    </message>
    <message>
        <source>Re&amp;gion:</source>
        <translation>Ré&amp;gion :</translation>
    </message>
    <message>
        <source>&amp;Endpoint URL:</source>
        <translation>URL du point de &amp;terminaison :</translation>
    </message>
    <message>
        <source>Optional PEM file of extra certificate authorities</source>
        <translation>Fichier PEM facultatif d’autorités de certification supplémentaires</translation>
    </message>
    <message>
        <source>&amp;CA bundle:</source>
        <translation>Paquet d’&amp;AC :</translation>
    </message>
    <message>
        <source>Shardscope refuses every change on a read-only connection — creating, deleting, resharding, settings, putting and replaying records — so browsing a live account cannot alter it. Switch it off only where you mean to write.</source>
        <translation>Sur une connexion en lecture seule, Shardscope refuse toute modification — création, suppression, repartitionnement, réglages, écriture et rejeu d’enregistrements — afin que parcourir un compte réel ne le modifie pas. Ne la désactivez que là où vous voulez écrire.</translation>
    </message>
    <message>
        <source>List the streams with these settings (ListStreams)</source>
        <translation>Lister les flux avec ces réglages (ListStreams)</translation>
    </message>
    <message>
        <source>Credentials:</source>
        <translation>Identifiants :</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Retirer…</translation>
    </message>
    <message>
        <source>Enter a URL such as https://kinesis.eu-west-1.amazonaws.com or http://localhost:4567.</source>
        <translation>Saisissez une URL comme https://kinesis.eu-west-1.amazonaws.com ou http://localhost:4567.</translation>
    </message>
    <message>
        <source>Use https:// for %1; plain http:// is only allowed for localhost, where nothing crosses the network.</source>
        <translation>Utilisez https:// pour %1 ; http:// simple n’est permis que pour localhost, où rien ne traverse le réseau.</translation>
    </message>
    <message>
        <source>The endpoint URL takes no query or fragment.</source>
        <translation>L’URL du point de terminaison ne prend ni requête ni fragment.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No profiles in %1</source>
        <translation>Aucun profil dans %1</translation>
    </message>
    <message>
        <source>%1 (not in the shared files)</source>
        <translation>%1 (absent des fichiers partagés)</translation>
    </message>
    <message>
        <source>Required, e.g. http://localhost:4567</source>
        <translation>Obligatoire, p. ex. http://localhost:4567</translation>
    </message>
    <message>
        <source>Optional; the profile&apos;s endpoint_url, else AWS&apos;s for the region</source>
        <translation>Facultatif ; l’endpoint_url du profil, sinon celui d’AWS pour la région</translation>
    </message>
    <message>
        <source>Optional; AWS&apos;s endpoint for the region</source>
        <translation>Facultatif ; le point de terminaison AWS de la région</translation>
    </message>
    <message>
        <source>This profile is not in the AWS shared files any more.</source>
        <translation>Ce profil ne figure plus dans les fichiers partagés AWS.</translation>
    </message>
    <message>
        <source>AWS %1 (%2)</source>
        <translation>AWS %1 (%2)</translation>
    </message>
    <message>
        <source>Enter a name for the connection.</source>
        <translation>Saisissez un nom pour la connexion.</translation>
    </message>
    <message>
        <source>Pick a profile.</source>
        <translation>Choisissez un profil.</translation>
    </message>
    <message>
        <source>Enter the access key ID.</source>
        <translation>Saisissez l’ID de la clé d’accès.</translation>
    </message>
    <message>
        <source>Enter the secret access key.</source>
        <translation>Saisissez la clé d’accès secrète.</translation>
    </message>
    <message>
        <source>Enter the endpoint URL of the local service.</source>
        <translation>Saisissez l’URL du point de terminaison du service local.</translation>
    </message>
    <message>
        <source>Enter a region such as eu-west-1.</source>
        <translation>Saisissez une région comme eu-west-1.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 ne peut pas être lu.</translation>
    </message>
    <message>
        <source>The connection list is closed.</source>
        <translation>La liste des connexions est fermée.</translation>
    </message>
    <message>
        <source>Listing streams…</source>
        <translation>Liste des flux…</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Connected: no streams in %1.</source>
        <translation>Connecté : aucun flux dans %1.</translation>
    </message>
    <message>
        <source>%1+ streams: %2</source>
        <translation>%1+ flux : %2</translation>
    </message>
    <message>
        <source>1 stream: %1</source>
        <translation>1 flux : %1</translation>
    </message>
    <message>
        <source>%1 streams: %2</source>
        <translation>%1 flux : %2</translation>
    </message>
    <message>
        <source>No keychain is available to keep the secret in.</source>
        <translation>Aucun trousseau n’est disponible pour conserver le secret.</translation>
    </message>
    <message>
        <source>Remove Connection</source>
        <translation>Retirer la connexion</translation>
    </message>
    <message>
        <source>Remove the connection “%1”?</source>
        <translation>Retirer la connexion « %1 » ?</translation>
    </message>
    <message>
        <source>Its streams stay where they are; Shardscope forgets the connection and deletes its secret from the system keychain.</source>
        <translation>Ses flux restent où ils sont ; Shardscope oublie la connexion et supprime son secret du trousseau du système.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>CA Bundle</source>
        <translation>Paquet d’AC</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats PEM (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>shardscope::AwsBackend</name>
    <message>
        <source>The answer to %1 could not be read: %2</source>
        <translation>La réponse à %1 n&apos;a pas pu être lue&#xa0;: %2</translation>
    </message>
    <message>
        <source>The endpoint answered HTTP %1 without an error description.</source>
        <translation>Le point de terminaison a répondu HTTP %1 sans description d&apos;erreur.</translation>
    </message>
    <message>
        <source>The endpoint answered HTTP %1: %2</source>
        <translation>Le point de terminaison a répondu HTTP %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>This build of Qt cannot use TLS, so the certificate %1 cannot be trusted.</source>
        <translation>Cette version de Qt ne peut pas utiliser TLS&#xa0;; le certificat %1 ne peut donc pas être approuvé.</translation>
    </message>
    <message>
        <source>No PEM certificate could be read from %1.</source>
        <translation>Aucun certificat PEM n&apos;a pu être lu depuis %1.</translation>
    </message>
    <message>
        <source>The connection %1 was closed.</source>
        <translation>La connexion %1 a été fermée.</translation>
    </message>
    <message>
        <source>The connection %1 has no credentials: pick a profile or enter access keys.</source>
        <translation>La connexion %1 n&apos;a pas d&apos;identifiants&#xa0;: choisissez un profil ou saisissez des clés d&apos;accès.</translation>
    </message>
    <message>
        <source>The connection %1 is read-only.</source>
        <translation>La connexion %1 est en lecture seule.</translation>
    </message>
    <message>
        <source>%1 (retry %2)</source>
        <translation>%1 (nouvelle tentative %2)</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 seconds.</source>
        <translation>%1 n&apos;a pas répondu dans les %2 secondes.</translation>
    </message>
    <message>
        <source>%1 could not be reached: %2</source>
        <translation>%1 est injoignable&#xa0;: %2</translation>
    </message>
    <message>
        <source>The clocks of this computer and %1 disagree; check the system time.</source>
        <translation>Les horloges de cet ordinateur et de %1 ne concordent pas&#xa0;; vérifiez l&apos;heure du système.</translation>
    </message>
    <message>
        <source>Run `aws sso login --profile %1`, then try again.</source>
        <translation>Exécutez `aws sso login --profile %1`, puis réessayez.</translation>
    </message>
    <message>
        <source>Renew the credentials of profile %1, then try again.</source>
        <translation>Renouvelez les identifiants du profil %1, puis réessayez.</translation>
    </message>
    <message>
        <source>The credentials of %1 have expired: enter new ones.</source>
        <translation>Les identifiants de %1 ont expiré&#xa0;: saisissez-en de nouveaux.</translation>
    </message>
    <message>
        <source>Check the access key ID of %1.</source>
        <translation>Vérifiez l&apos;ID de clé d&apos;accès de %1.</translation>
    </message>
    <message>
        <source>Check the access key ID of profile %1.</source>
        <translation>Vérifiez l&apos;ID de clé d&apos;accès du profil %1.</translation>
    </message>
    <message>
        <source>Check the secret access key of %1.</source>
        <translation>Vérifiez la clé d&apos;accès secrète de %1.</translation>
    </message>
    <message>
        <source>Check the secret access key of profile %1.</source>
        <translation>Vérifiez la clé d&apos;accès secrète du profil %1.</translation>
    </message>
    <message>
        <source>Check the credentials of %1.</source>
        <translation>Vérifiez les identifiants de %1.</translation>
    </message>
    <message>
        <source>Kinesis does not report how many records a shard holds, so %1 cannot show shard statistics.</source>
        <translation>Kinesis n&apos;indique pas combien d&apos;enregistrements contient un shard&#xa0;; %1 ne peut donc pas afficher de statistiques de shard.</translation>
    </message>
    <message>
        <source>The records a shorter retention period would drop cannot be counted on %1: Kinesis does not report record counts.</source>
        <translation>Les enregistrements qu&apos;une durée de rétention plus courte supprimerait ne peuvent pas être comptés sur %1&#xa0;: Kinesis n&apos;indique pas le nombre d&apos;enregistrements.</translation>
    </message>
    <message>
        <source>The credentials of %1 are no longer available.</source>
        <translation>Les identifiants de %1 ne sont plus disponibles.</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>La connexion a été fermée.</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>pas un objet JSON</translation>
    </message>
    <message>
        <source>%1 does not offer AWS KMS (%2 is unknown there): enter the key&apos;s ARN or alias instead.</source>
        <translation>%1 ne propose pas AWS KMS (%2 y est inconnu) : saisissez plutôt l&apos;ARN ou l&apos;alias de la clé.</translation>
    </message>
    <message>
        <source>The credentials of %1 need the IAM permission %2.</source>
        <translation>Les identifiants de %1 ont besoin de l&apos;autorisation IAM %2.</translation>
    </message>
    <message>
        <source>AWS managed key for Kinesis; AWS creates it the first time a stream is encrypted with it.</source>
        <translation>Clé gérée par AWS pour Kinesis ; AWS la crée la première fois qu&apos;un flux est chiffré avec elle.</translation>
    </message>
    <message>
        <source>An alias with the name %1 already exists.</source>
        <translation>Un alias nommé %1 existe déjà.</translation>
    </message>
    <message>
        <source>The answer to %1 names no key.</source>
        <translation>La réponse à %1 ne désigne aucune clé.</translation>
    </message>
    <message>
        <source>The key %1 was created, but not its alias.</source>
        <translation>La clé %1 a été créée, mais pas son alias.</translation>
    </message>
</context>
<context>
    <name>shardscope::AwsSubscription</name>
    <message>
        <source>The event stream from %1 could not be read: %2</source>
        <translation>Le flux d&apos;événements de %1 n&apos;a pas pu être lu&#xa0;: %2</translation>
    </message>
    <message>
        <source>An event from %1 could not be read: %2</source>
        <translation>Un événement de %1 n&apos;a pas pu être lu&#xa0;: %2</translation>
    </message>
    <message>
        <source>The event stream from %1 sent a message of unknown type &quot;%2&quot;.</source>
        <translation>Le flux d&apos;événements de %1 a envoyé un message de type inconnu « %2 ».</translation>
    </message>
    <message>
        <source>The subscription&apos;s connection to %1 broke: %2</source>
        <translation>La connexion de l&apos;abonnement à %1 a été interrompue&#xa0;: %2</translation>
    </message>
    <message>
        <source>The event stream from %1 ended in the middle of a message.</source>
        <translation>Le flux d&apos;événements de %1 s&apos;est terminé au milieu d&apos;un message.</translation>
    </message>
    <message>
        <source>%1 could not be reached: %2</source>
        <translation>%1 est injoignable&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>shardscope::AwsConfig</name>
    <message>
        <source>No AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, run `aws configure`, or choose a profile.</source>
        <translation>Aucun identifiant AWS trouvé&#xa0;: définissez AWS_ACCESS_KEY_ID et AWS_SECRET_ACCESS_KEY, exécutez `aws configure` ou choisissez un profil.</translation>
    </message>
    <message>
        <source>The AWS profile &quot;%1&quot; does not exist in %2 or %3.</source>
        <translation>Le profil AWS «&#xa0;%1&#xa0;» n&apos;existe ni dans %2 ni dans %3.</translation>
    </message>
    <message>
        <source>the config file</source>
        <translation>le fichier de configuration</translation>
    </message>
    <message>
        <source>the credentials file</source>
        <translation>le fichier d&apos;identifiants</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; sets both source_profile and credential_source; keep one.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» définit à la fois source_profile et credential_source&#xa0;; n&apos;en gardez qu&apos;un.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; assumes a role with a web identity token (web_identity_token_file), which Shardscope does not support.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» assume un rôle avec un jeton d&apos;identité web (web_identity_token_file), ce que Shardscope ne prend pas en charge.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; sets role_arn but neither source_profile nor credential_source.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» définit role_arn, mais ni source_profile ni credential_source.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; needs an MFA code (mfa_serial), which Shardscope cannot ask for. Use credentials from `aws sts get-session-token` or a profile without mfa_serial.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» nécessite un code MFA (mfa_serial), que Shardscope ne peut pas demander. Utilisez des identifiants issus de `aws sts get-session-token` ou un profil sans mfa_serial.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: duration_seconds must be a positive number of seconds, not &quot;%2&quot;.</source>
        <translation>Profil «&#xa0;%1&#xa0;»&#xa0;: duration_seconds doit être un nombre positif de secondes, et non «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; takes its source credentials from the environment (credential_source = Environment), but AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» prend ses identifiants source dans l&apos;environnement (credential_source = Environment), mais AWS_ACCESS_KEY_ID et AWS_SECRET_ACCESS_KEY ne sont pas définies.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: credential_source = %2 is not supported by Shardscope; only Environment is.</source>
        <translation>Profil «&#xa0;%1&#xa0;»&#xa0;: credential_source = %2 n&apos;est pas pris en charge par Shardscope&#xa0;; seul Environment l&apos;est.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: credential_source must be Environment, Ec2InstanceMetadata or EcsContainer, not &quot;%2&quot;.</source>
        <translation>Profil «&#xa0;%1&#xa0;»&#xa0;: credential_source doit valoir Environment, Ec2InstanceMetadata ou EcsContainer, et non «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>The AWS profiles form a loop through source_profile: %1. Point one of them at a profile with credentials.</source>
        <translation>Les profils AWS forment une boucle via source_profile&#xa0;: %1. Faites pointer l&apos;un d&apos;eux vers un profil qui possède des identifiants.</translation>
    </message>
    <message>
        <source>The source_profile &quot;%1&quot; named by profile &quot;%2&quot; does not exist.</source>
        <translation>Le source_profile «&#xa0;%1&#xa0;» indiqué par le profil «&#xa0;%2&#xa0;» n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; has no credentials: it sets none of aws_access_key_id, credential_process, sso_session (or sso_start_url) and role_arn.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» n&apos;a pas d&apos;identifiants&#xa0;: il ne définit ni aws_access_key_id, ni credential_process, ni sso_session (ou sso_start_url), ni role_arn.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; has incomplete keys: %2 is missing.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» a des clés incomplètes&#xa0;: il manque %2.</translation>
    </message>
    <message>
        <source>Incomplete AWS credentials in the environment: %1 is set but %2 is not.</source>
        <translation>Identifiants AWS incomplets dans l&apos;environnement&#xa0;: %1 est définie, mais pas %2.</translation>
    </message>
    <message>
        <source>AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 time: &quot;%1&quot;.</source>
        <translation>AWS_CREDENTIAL_EXPIRATION n&apos;est pas une date ISO 8601&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; names sso_session &quot;%2&quot;, but there is no [sso-session %2] section in the config file.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» indique la sso_session «&#xa0;%2&#xa0;», mais le fichier config ne contient aucune section [sso-session %2].</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; sets %2 to &quot;%3&quot;, but its sso-session &quot;%4&quot; sets it to &quot;%5&quot;.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» définit %2 à «&#xa0;%3&#xa0;», mais sa sso-session «&#xa0;%4&#xa0;» le définit à «&#xa0;%5&#xa0;».</translation>
    </message>
    <message>
        <source>The sso-session &quot;%1&quot; is missing %2.</source>
        <translation>Il manque %2 à la sso-session «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; is set up for IAM Identity Center (SSO) but is missing %2.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» est configuré pour IAM Identity Center (SSO), mais il manque %2.</translation>
    </message>
</context>
<context>
    <name>shardscope::AwsHttp</name>
    <message>
        <source>%1 did not answer within %2 seconds.</source>
        <translation>%1 n&apos;a pas répondu dans les %2 secondes.</translation>
    </message>
</context>
<context>
    <name>shardscope::AwsIniFile</name>
    <message>
        <source>line</source>
        <translation>ligne</translation>
    </message>
    <message>
        <source>expected &quot;name = value&quot; under &quot;%1&quot;</source>
        <translation>&quot;nom = valeur&quot; attendu sous «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>malformed section header</source>
        <translation>en-tête de section mal formé</translation>
    </message>
    <message>
        <source>setting outside of any [section]</source>
        <translation>paramètre en dehors de toute [section]</translation>
    </message>
    <message>
        <source>expected &quot;name = value&quot;</source>
        <translation>&quot;nom = valeur&quot; attendu</translation>
    </message>
</context>
<context>
    <name>shardscope::ChartExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: the image could not be made.</source>
        <translation>Impossible d’écrire %1 : l’image n’a pas pu être créée.</translation>
    </message>
    <message>
        <source>Export as &amp;PNG…</source>
        <translation>Exporter en &amp;PNG…</translation>
    </message>
    <message>
        <source>Export as &amp;CSV…</source>
        <translation>Exporter en &amp;CSV…</translation>
    </message>
    <message>
        <source>Export Chart as PNG</source>
        <translation>Exporter le graphique en PNG</translation>
    </message>
    <message>
        <source>Export Chart Data as CSV</source>
        <translation>Exporter les données du graphique en CSV</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Échec de l’export</translation>
    </message>
</context>
<context>
    <name>shardscope::CommandPalette</name>
    <message>
        <source>Type a command…</source>
        <translation>Saisissez une commande…</translation>
    </message>
    <message>
        <source>Not available now: %1</source>
        <translation>Indisponible pour le moment&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>shardscope::ConnectionStore</name>
    <message>
        <source>No keychain is available.</source>
        <translation>Aucun trousseau n’est disponible.</translation>
    </message>
</context>
<context>
    <name>shardscope::ConsumersModel</name>
    <message>
        <source>Being registered: it can subscribe to shards once it is ACTIVE.</source>
        <translation>Inscription en cours&#xa0;: il pourra s’abonner aux shards une fois ACTIVE.</translation>
    </message>
    <message>
        <source>Registered: it can subscribe to the stream&apos;s shards.</source>
        <translation>Inscrit&#xa0;: il peut s’abonner aux shards du flux.</translation>
    </message>
    <message>
        <source>Being deregistered: its subscriptions have ended.</source>
        <translation>Désinscription en cours&#xa0;: ses abonnements ont pris fin.</translation>
    </message>
    <message>
        <source>This connection does not report live subscriptions.</source>
        <translation>Cette connexion ne signale pas les abonnements en cours.</translation>
    </message>
    <message>
        <source>Live SubscribeToShard subscriptions of this consumer, one per shard read</source>
        <translation>Abonnements SubscribeToShard en cours de ce consommateur, un par shard lu</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>Consommateur</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>ARN</source>
        <translation>ARN</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Inscrit le</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
</context>
<context>
    <name>shardscope::ConsumersPage</name>
    <message>
        <source>Register &amp;Consumer…</source>
        <translation>&amp;Inscrire un consommateur…</translation>
    </message>
    <message>
        <source>Deregister C&amp;onsumer…</source>
        <translation>&amp;Désinscrire le consommateur…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+N</source>
        <translation>Ctrl+Alt+N</translation>
    </message>
    <message>
        <source>Ctrl+Alt+D</source>
        <translation>Ctrl+Alt+D</translation>
    </message>
    <message>
        <source>Cannot list the consumers: %1</source>
        <translation>Impossible de lister les consommateurs&#xa0;: %1</translation>
    </message>
    <message>
        <source>Registered consumers</source>
        <translation>Consommateurs inscrits</translation>
    </message>
    <message>
        <source>Enhanced fan-out: each consumer reads every shard with its own 2 MiB/s, pushed to it through SubscribeToShard. Applications name the consumer by its ARN.</source>
        <translation>Diffusion améliorée&#xa0;: chaque consommateur lit chaque shard avec ses propres 2&#xa0;Mio/s, qui lui sont poussés par SubscribeToShard. Les applications désignent le consommateur par son ARN.</translation>
    </message>
    <message>
        <source>Select a consumer to see its ARN</source>
        <translation>Sélectionnez un consommateur pour voir son ARN</translation>
    </message>
    <message>
        <source>Copy ARN</source>
        <translation>Copier l’ARN</translation>
    </message>
    <message>
        <source>Copy the selected consumer&apos;s ARN to the clipboard (Ctrl+C in the table)</source>
        <translation>Copier l’ARN du consommateur sélectionné dans le presse-papiers (Ctrl+C dans le tableau)</translation>
    </message>
    <message>
        <source>ARN:</source>
        <translation>ARN&#xa0;:</translation>
    </message>
    <message>
        <source>What each subscribed consumer has been sent, per shard; read every second while this tab is shown.</source>
        <translation>Ce que chaque consommateur abonné a reçu, par shard&#xa0;; lu chaque seconde tant que cet onglet est affiché.</translation>
    </message>
    <message>
        <source>Live subscriptions</source>
        <translation>Abonnements en cours</translation>
    </message>
    <message>
        <source>%1 is read-only: consumers cannot be registered or deregistered here.</source>
        <translation>%1 est en lecture seule&#xa0;: on ne peut pas y inscrire ni désinscrire de consommateurs.</translation>
    </message>
    <message>
        <source>Deregister Consumer</source>
        <translation>Désinscrire le consommateur</translation>
    </message>
    <message>
        <source>Deregister the consumer “%1” of %2?</source>
        <translation>Désinscrire le consommateur «&#xa0;%1&#xa0;» de %2&#xa0;?</translation>
    </message>
    <message>
        <source>Its subscriptions end at once, and applications that read with it stop receiving records. The stream and its records are not touched.</source>
        <translation>Ses abonnements prennent fin immédiatement et les applications qui lisent avec lui ne reçoivent plus d’enregistrements. Le flux et ses enregistrements ne sont pas touchés.</translation>
    </message>
    <message>
        <source>&amp;Deregister</source>
        <translation>&amp;Désinscrire</translation>
    </message>
    <message>
        <source>Select a stream first.</source>
        <translation>Sélectionnez d’abord un flux.</translation>
    </message>
    <message>
        <source>This connection is read-only.</source>
        <translation>Cette connexion est en lecture seule.</translation>
    </message>
    <message>
        <source>Register an enhanced fan-out consumer for this stream</source>
        <translation>Inscrire un consommateur à diffusion améliorée pour ce flux</translation>
    </message>
    <message>
        <source>Select a consumer on the Consumers tab first.</source>
        <translation>Sélectionnez d’abord un consommateur dans l’onglet Consommateurs.</translation>
    </message>
    <message>
        <source>The consumer is being deregistered already.</source>
        <translation>Le consommateur est déjà en cours de désinscription.</translation>
    </message>
    <message>
        <source>Deregistering…</source>
        <translation>Désinscription…</translation>
    </message>
    <message>
        <source>Deregister the selected consumer after confirming</source>
        <translation>Désinscrire le consommateur sélectionné après confirmation</translation>
    </message>
    <message>
        <source>Select a stream to see its consumers.</source>
        <translation>Sélectionnez un flux pour voir ses consommateurs.</translation>
    </message>
    <message>
        <source>The consumers could not be listed.</source>
        <translation>Les consommateurs n’ont pas pu être listés.</translation>
    </message>
    <message>
        <source>Listing the consumers…</source>
        <translation>Liste des consommateurs en cours…</translation>
    </message>
    <message>
        <source>No consumer is registered for this stream. Register one to read every shard with enhanced fan-out.</source>
        <translation>Aucun consommateur n’est inscrit pour ce flux. Inscrivez-en un pour lire chaque shard en diffusion améliorée.</translation>
    </message>
    <message>
        <source>%1 does not report live subscriptions: Kinesis tells no one which consumers are subscribed. The local emulator lists every subscription it serves.</source>
        <translation>%1 ne signale pas les abonnements en cours&#xa0;: Kinesis n’indique à personne quels consommateurs sont abonnés. L’émulateur local liste chaque abonnement qu’il sert.</translation>
    </message>
    <message>
        <source>No consumer is subscribed. Subscriptions made through --serve or the Records tab appear here.</source>
        <translation>Aucun consommateur n’est abonné. Les abonnements faits par --serve ou l’onglet Enregistrements apparaissent ici.</translation>
    </message>
    <message>
        <source>Consumer group</source>
        <translation>Groupe de consommateurs</translation>
    </message>
</context>
<context>
    <name>shardscope::CreateStreamDialog</name>
    <message>
        <source>&amp;Provisioned</source>
        <translation>&amp;Provisionné</translation>
    </message>
    <message>
        <source>On-&amp;demand</source>
        <translation>À la &amp;demande</translation>
    </message>
    <message>
        <source>&amp;Shards:</source>
        <translation>&amp;Shards&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Maximum record size:</source>
        <translation>Taille &amp;maximale des enregistrements&#xa0;:</translation>
    </message>
    <message>
        <source>Create Stream — %1</source>
        <translation>Créer un flux — %1</translation>
    </message>
    <message>
        <source>Create Stream</source>
        <translation>Créer un flux</translation>
    </message>
    <message>
        <source>e.g. orders-events</source>
        <translation>p. ex. orders-events</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>You choose the number of shards and pay for each.</source>
        <translation>Vous choisissez le nombre de shards et payez pour chacun.</translation>
    </message>
    <message>
        <source>Capacity follows the traffic; the stream starts with 4 shards.</source>
        <translation>La capacité suit le trafic&#xa0;; le flux démarre avec 4 shards.</translation>
    </message>
    <message>
        <source>Without it the stream takes records of up to 1 MiB (1,024 KiB).</source>
        <translation>Sans cela, le flux accepte des enregistrements jusqu&apos;à 1 Mio (1&#xa0;024 Kio).</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> Kio</translation>
    </message>
    <message>
        <source>Capacity mode:</source>
        <translation>Mode de capacité&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Créer</translation>
    </message>
    <message>
        <source>Enter a name for the stream.</source>
        <translation>Saisissez un nom pour le flux.</translation>
    </message>
    <message>
        <source>The account&apos;s limits could not be read.</source>
        <translation>Les limites du compte n&apos;ont pas pu être lues.</translation>
    </message>
    <message>
        <source>Checking the account&apos;s limits…</source>
        <translation>Vérification des limites du compte…</translation>
    </message>
    <message>
        <source>%L1 of %L2 on-demand streams left in this account</source>
        <translation>Il reste %L1 flux à la demande sur %L2 dans ce compte</translation>
    </message>
    <message>
        <source>%L1 of %L2 shards left in this account</source>
        <translation>Il reste %L1 shards sur %L2 dans ce compte</translation>
    </message>
    <message>
        <source>The account has no on-demand streams left: all %L1 are in use.</source>
        <translation>Le compte n&apos;a plus de flux à la demande disponible&#xa0;: les %L1 sont tous utilisés.</translation>
    </message>
    <message>
        <source>The account has no shards left: all %L1 are in use by open streams.</source>
        <translation>Le compte n&apos;a plus de shard disponible&#xa0;: les %L1 sont tous utilisés par des flux ouverts.</translation>
    </message>
    <message>
        <source>%L1 KiB is out of range: choose from %L2 to %L3 KiB (1 to 10 MiB).</source>
        <translation>%L1 Kio est hors limites&#xa0;: choisissez entre %L2 et %L3 Kio (1 à 10 Mio).</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>La connexion est fermée.</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Création…</translation>
    </message>
</context>
<context>
    <name>shardscope::CredentialProcess</name>
    <message>
        <source>The credential_process of profile &quot;%1&quot; did not print a JSON object: %2</source>
        <translation>Le credential_process du profil «&#xa0;%1&#xa0;» n&apos;a pas affiché d&apos;objet JSON&#xa0;: %2</translation>
    </message>
    <message>
        <source>the output is not an object</source>
        <translation>la sortie n&apos;est pas un objet</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; printed Version %2; only Version 1 is supported.</source>
        <translation>Le credential_process du profil «&#xa0;%1&#xa0;» a affiché Version %2&#xa0;; seule la Version 1 est prise en charge.</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; printed no %2.</source>
        <translation>Le credential_process du profil «&#xa0;%1&#xa0;» n&apos;a pas affiché de %2.</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; printed an Expiration that is not an ISO 8601 time: &quot;%2&quot;.</source>
        <translation>Le credential_process du profil «&#xa0;%1&#xa0;» a affiché une Expiration qui n&apos;est pas une date ISO 8601&#xa0;: «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>profile %1 (credential_process)</source>
        <translation>profil %1 (credential_process)</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; is not a valid command line: %2</source>
        <translation>Le credential_process du profil «&#xa0;%1&#xa0;» n&apos;est pas une ligne de commande valide&#xa0;: %2</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; could not be started (%2): %3</source>
        <translation>Le credential_process du profil «&#xa0;%1&#xa0;» n&apos;a pas pu être lancé (%2)&#xa0;: %3</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; did not finish within %2 seconds and was stopped.</source>
        <translation>Le credential_process du profil «&#xa0;%1&#xa0;» ne s&apos;est pas terminé dans les %2 secondes et a été arrêté.</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; failed with exit code %2: %3</source>
        <translation>Le credential_process du profil «&#xa0;%1&#xa0;» a échoué avec le code de sortie %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>(no error output)</source>
        <translation>(aucune sortie d&apos;erreur)</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; crashed: %2</source>
        <translation>Le credential_process du profil «&#xa0;%1&#xa0;» a planté&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>shardscope::CredentialsProvider</name>
    <message>
        <source>access keys entered in Shardscope</source>
        <translation>clés d&apos;accès saisies dans Shardscope</translation>
    </message>
    <message>
        <source>profile %1 (access keys)</source>
        <translation>profil %1 (clés d&apos;accès)</translation>
    </message>
    <message>
        <source>environment variables</source>
        <translation>variables d&apos;environnement</translation>
    </message>
</context>
<context>
    <name>shardscope::DeleteStreamDialog</name>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Delete Stream — %1</source>
        <translation>Supprimer le flux — %1</translation>
    </message>
    <message>
        <source>Delete the stream “%1”?</source>
        <translation>Supprimer le flux «&#xa0;%1&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>The stream and every record in it are deleted for good; this cannot be undone. Producers and consumers still using it will get errors.</source>
        <translation>Le flux et tous ses enregistrements seront définitivement supprimés&#xa0;; cette action est irréversible. Les producteurs et les consommateurs qui l&apos;utilisent encore recevront des erreurs.</translation>
    </message>
    <message>
        <source>Open shards:</source>
        <translation>Shards ouverts&#xa0;:</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>Enregistrements&#xa0;:</translation>
    </message>
    <message>
        <source>Consumers:</source>
        <translation>Consommateurs&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Type the stream name to confirm:</source>
        <translation>&amp;Tapez le nom du flux pour confirmer&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Delete Stream</source>
        <translation>&amp;Supprimer le flux</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>La connexion est fermée.</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>The stream is being deleted already.</source>
        <translation>Le flux est déjà en cours de suppression.</translation>
    </message>
    <message>
        <source>Not counted on this connection</source>
        <translation>Non compté sur cette connexion</translation>
    </message>
    <message>
        <source>Could not be counted</source>
        <translation>Comptage impossible</translation>
    </message>
    <message>
        <source>None registered</source>
        <translation>Aucun enregistré</translation>
    </message>
    <message>
        <source>1 enhanced fan-out consumer — deregistered with the stream</source>
        <translation>1 consommateur à diffusion améliorée — désinscrit avec le flux</translation>
    </message>
    <message>
        <source>%L1 enhanced fan-out consumers — deregistered with the stream</source>
        <translation>%L1 consommateurs à diffusion améliorée — désinscrits avec le flux</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Suppression…</translation>
    </message>
</context>
<context>
    <name>shardscope::DemoTrickle</name>
    <message>
        <source>The connection was closed.</source>
        <translation>La connexion a été fermée.</translation>
    </message>
    <message>
        <source>Every record of the batch failed.</source>
        <translation>Tous les enregistrements du lot ont échoué.</translation>
    </message>
    <message>
        <source>%1 batches in a row failed; the last one with: %2</source>
        <translation>%1 lots ont échoué d&apos;affilée&#xa0;; le dernier avec&#xa0;: %2</translation>
    </message>
    <message>
        <source>The stream %1 is being deleted.</source>
        <translation>Le flux %1 est en cours de suppression.</translation>
    </message>
</context>
<context>
    <name>shardscope::DialogText</name>
    <message>
        <source>1 record</source>
        <translation>1 enregistrement</translation>
    </message>
    <message>
        <source>%L1 records</source>
        <translation>%L1 enregistrements</translation>
    </message>
    <message>
        <source>1 shard</source>
        <translation>1 shard</translation>
    </message>
    <message>
        <source>%L1 shards</source>
        <translation>%L1 shards</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 heure</translation>
    </message>
    <message>
        <source>%L1 hours</source>
        <translation>%L1 heures</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 jour</translation>
    </message>
    <message>
        <source>%L1 days</source>
        <translation>%L1 jours</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 jours</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>shardscope::DurationText</name>
    <message>
        <source>%1 ms</source>
        <translation>%1&#xa0;ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1&#xa0;s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1&#xa0;min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1&#xa0;h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1&#xa0;j</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>à l’instant</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>il y a %1</translation>
    </message>
</context>
<context>
    <name>shardscope::DynamoDbClient</name>
    <message>
        <source>No AWS credentials are set for DynamoDB at %1.</source>
        <translation>Aucun identifiant AWS n&apos;est défini pour DynamoDB à %1.</translation>
    </message>
    <message>
        <source>The AWS credentials are no longer available.</source>
        <translation>Les identifiants AWS ne sont plus disponibles.</translation>
    </message>
    <message>
        <source>DynamoDB at %1 answered HTTP %2.</source>
        <translation>DynamoDB à %1 a répondu HTTP %2.</translation>
    </message>
    <message>
        <source>The table %1 does not exist at %2.</source>
        <translation>La table %1 n&apos;existe pas à %2.</translation>
    </message>
    <message>
        <source>DynamoDB at %1 sent an answer to %2 that is not a JSON object: %3</source>
        <translation>DynamoDB à %1 a envoyé à %2 une réponse qui n&apos;est pas un objet JSON : %3</translation>
    </message>
    <message>
        <source>DynamoDB at %1 could not be reached: %2</source>
        <translation>DynamoDB à %1 n&apos;a pas pu être joint : %2</translation>
    </message>
</context>
<context>
    <name>shardscope::DynamoLeaseTable</name>
    <message>
        <source>DynamoDB, %1</source>
        <translation>DynamoDB, %1</translation>
    </message>
    <message>
        <source>The lease table %1 is open read-only: %2 was not sent.</source>
        <translation>La table des baux %1 est ouverte en lecture seule : %2 n&apos;a pas été envoyé.</translation>
    </message>
</context>
<context>
    <name>shardscope::LeaseCleaner</name>
    <message>
        <source>The shards of %1 could not be listed, so no lease is deleted as garbage: %2</source>
        <translation>Les shards de %1 n’ont pas pu être listés, aucun bail n’est donc supprimé comme orphelin&#xa0;: %2</translation>
    </message>
    <message>
        <source>The lease %1 could not be read for clean-up: %2</source>
        <translation>Le bail %1 n’a pas pu être lu pour le nettoyage&#xa0;: %2</translation>
    </message>
    <message>
        <source>The lease %1 could not be deleted: %2</source>
        <translation>Le bail %1 n’a pas pu être supprimé&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>shardscope::KinesisName</name>
    <message>
        <source>a space</source>
        <translation>un espace</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>«&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>the character U+%1</source>
        <translation>le caractère U+%1</translation>
    </message>
    <message>
        <source>The name contains %1, which is not allowed.</source>
        <translation>Le nom contient %1, ce qui n&apos;est pas autorisé.</translation>
    </message>
    <message>
        <source>The name contains %1, which are not allowed.</source>
        <translation>Le nom contient %1, qui ne sont pas autorisés.</translation>
    </message>
    <message>
        <source>Use letters A–Z and a–z, digits, “_”, “.” and “-”.</source>
        <translation>Utilisez les lettres A–Z et a–z, les chiffres, «&#xa0;_&#xa0;», «&#xa0;.&#xa0;» et «&#xa0;-&#xa0;».</translation>
    </message>
    <message>
        <source>The name is %L1 characters long; at most %L2 are allowed.</source>
        <translation>Le nom fait %L1 caractères&#xa0;; %L2 au maximum sont autorisés.</translation>
    </message>
</context>
<context>
    <name>shardscope::LeaseMonitor</name>
    <message>
        <source>The lease table was closed.</source>
        <translation>La table des baux a été fermée.</translation>
    </message>
</context>
<context>
    <name>shardscope::LeaseReport</name>
    <message>
        <source>STREAM</source>
        <translation>FLUX</translation>
    </message>
    <message>
        <source>SHARD</source>
        <translation>SHARD</translation>
    </message>
    <message>
        <source>OWNER</source>
        <translation>PROPRIÉTAIRE</translation>
    </message>
    <message>
        <source>COUNTER</source>
        <translation>COMPTEUR</translation>
    </message>
    <message>
        <source>CHECKPOINT</source>
        <translation>CHECKPOINT</translation>
    </message>
    <message>
        <source>SWITCHES</source>
        <translation>CHANGEMENTS</translation>
    </message>
    <message>
        <source>PARENTS</source>
        <translation>PARENTS</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>ÉTAT</translation>
    </message>
    <message>
        <source>stream %1</source>
        <translation>flux %1</translation>
    </message>
    <message>
        <source>1 lease</source>
        <translation>1 bail</translation>
    </message>
    <message>
        <source>%1 leases</source>
        <translation>%1 baux</translation>
    </message>
    <message>
        <source>Lease table %1: %2, failover time %3 s</source>
        <translation>Table des baux %1 : %2, délai de basculement %3 s</translation>
    </message>
    <message>
        <source>Read at %1</source>
        <translation>Lue à %1</translation>
    </message>
    <message>
        <source>(no leases)</source>
        <translation>(aucun bail)</translation>
    </message>
    <message>
        <source>Expiry is unknown: the table was read once. Without --no-wait it is read twice, the failover time apart.</source>
        <translation>L&apos;expiration est inconnue : la table a été lue une fois. Sans --no-wait, elle est lue deux fois, à un délai de basculement d&apos;intervalle.</translation>
    </message>
    <message>
        <source>Leases per owner:</source>
        <translation>Baux par propriétaire :</translation>
    </message>
    <message>
        <source>(unassigned)</source>
        <translation>(non attribué)</translation>
    </message>
    <message>
        <source>Leader: %1</source>
        <translation>Leader : %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Workers reporting metrics: %1</source>
        <translation>Workers publiant des métriques : %1</translation>
    </message>
    <message>
        <source>last update %1</source>
        <translation>dernière mise à jour %1</translation>
    </message>
</context>
<context>
    <name>shardscope::LeaseSerializer</name>
    <message>
        <source>expected a DynamoDB %1 value, found %2</source>
        <translation>une valeur DynamoDB de type %1 était attendue, trouvé %2</translation>
    </message>
    <message>
        <source>expected a string, found %1</source>
        <translation>une chaîne était attendue, trouvé %1</translation>
    </message>
    <message>
        <source>expected a whole number, found %1</source>
        <translation>un nombre entier était attendu, trouvé %1</translation>
    </message>
    <message>
        <source>expected a number, found %1</source>
        <translation>un nombre était attendu, trouvé %1</translation>
    </message>
    <message>
        <source>expected a list of strings, found %1</source>
        <translation>une liste de chaînes était attendue, trouvé %1</translation>
    </message>
    <message>
        <source>A lease has a malformed attribute %1: %2.</source>
        <translation>Un bail a un attribut %1 mal formé : %2.</translation>
    </message>
    <message>
        <source>The lease %1 has a malformed attribute %2: %3.</source>
        <translation>Le bail %1 a un attribut %2 mal formé : %3.</translation>
    </message>
    <message>
        <source>An item of the lease table has no leaseKey: %1.</source>
        <translation>Un élément de la table des baux n&apos;a pas de leaseKey : %1.</translation>
    </message>
</context>
<context>
    <name>shardscope::LeasesCommand</name>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Argument inattendu : %1</translation>
    </message>
    <message>
        <source>--table is required: the lease table (the KCL application name).</source>
        <translation>--table est obligatoire : la table des baux (le nom de l&apos;application KCL).</translation>
    </message>
    <message>
        <source>--endpoint must be an http:// or https:// URL, not %1.</source>
        <translation>--endpoint doit être une URL http:// ou https://, pas %1.</translation>
    </message>
    <message>
        <source>--region is required (or AWS_REGION, or a region in the profile).</source>
        <translation>--region est obligatoire (ou AWS_REGION, ou une région dans le profil).</translation>
    </message>
    <message>
        <source>--failover-ms must be a number of milliseconds from 1 to 3600000, not %1.</source>
        <translation>--failover-ms doit être un nombre de millisecondes entre 1 et 3600000, pas %1.</translation>
    </message>
    <message>
        <source>Usage: shardscope leases --table NAME [--endpoint URL | --profile P] [--region R]
                         [--stream S] [--json] [--failover-ms N] [--no-wait]

Prints the lease table of a KCL application (DynamoDB), read-only: one row per
lease (shard, owner, counter, checkpoint, owner switches, parents, state), then
the leases per owner and, for KCL 3.x, the leader and the workers&apos; metrics.

KCL stores no expiry time: a lease is expired when its counter has not changed
for longer than the failover time. So the table is read twice: once, then again
after the failover time (10 s unless --failover-ms says otherwise), and only then
is a lease called alive or expired. --no-wait reads once; expiry is then unknown.

  --table NAME       the lease table (the KCL application name)
  --endpoint URL     DynamoDB at this URL (DynamoDB Local, LocalStack, ...)
  --profile P        the AWS profile whose credentials to use
  --region R         the region (default: AWS_REGION or the profile&apos;s region)
  --stream S         multi-stream applications: only this stream&apos;s leases
  --json             JSON instead of text (checkpoints in full)
  --failover-ms N    the application&apos;s failoverTimeMillis (default 10000)
  --no-wait          read once and do not tell expired from alive

Exit status: 0 when the table was read, 1 when it could not be (unreachable
endpoint, unknown table, no credentials), 2 for bad arguments.
</source>
        <translation>Usage : shardscope leases --table NOM [--endpoint URL | --profile P] [--region R]
                          [--stream S] [--json] [--failover-ms N] [--no-wait]

Affiche la table des baux d&apos;une application KCL (DynamoDB), en lecture seule : une
ligne par bail (shard, propriétaire, compteur, checkpoint, changements de
propriétaire, parents, état), puis les baux par propriétaire et, pour KCL 3.x, le
leader et les métriques des workers.

KCL n&apos;enregistre aucune heure d&apos;expiration : un bail est expiré quand son compteur
n&apos;a pas changé depuis plus longtemps que le délai de basculement. La table est donc
lue deux fois : une fois, puis de nouveau après le délai de basculement (10 s, sauf
indication contraire de --failover-ms), et c&apos;est alors seulement qu&apos;un bail est dit
vivant ou expiré. --no-wait lit une seule fois ; l&apos;expiration reste alors inconnue.

  --table NOM        la table des baux (le nom de l&apos;application KCL)
  --endpoint URL     DynamoDB à cette URL (DynamoDB Local, LocalStack, ...)
  --profile P        le profil AWS dont les identifiants sont utilisés
  --region R         la région (par défaut : AWS_REGION ou la région du profil)
  --stream S         applications multi-flux : seulement les baux de ce flux
  --json             JSON au lieu de texte (checkpoints en entier)
  --failover-ms N    le failoverTimeMillis de l&apos;application (10000 par défaut)
  --no-wait          lire une seule fois, sans distinguer expirés et vivants

Code de sortie : 0 quand la table a été lue, 1 sinon (point de terminaison
injoignable, table inconnue, pas d&apos;identifiants), 2 pour de mauvais arguments.
</translation>
    </message>
    <message>
        <source>watching for %1 s…</source>
        <translation>observation pendant %1 s…</translation>
    </message>
    <message>
        <source>Run `shardscope leases --help` for the options.</source>
        <translation>`shardscope leases --help` affiche les options.</translation>
    </message>
</context>
<context>
    <name>shardscope::LiveSubscriptionsModel</name>
    <message>
        <source>No record yet</source>
        <translation>Aucun enregistrement</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>Mesure…</translation>
    </message>
    <message>
        <source>No record has been delivered yet.</source>
        <translation>Aucun enregistrement n’a encore été livré.</translation>
    </message>
    <message>
        <source>Last sequence number delivered: %1</source>
        <translation>Dernier numéro de séquence livré&#xa0;: %1</translation>
    </message>
    <message>
        <source>MillisBehindLatest: %L1 ms behind the newest record of the shard</source>
        <translation>MillisBehindLatest&#xa0;: %L1&#xa0;ms de retard sur l’enregistrement le plus récent du shard</translation>
    </message>
    <message>
        <source>Delivered since the subscription started — records: %L1, data: %2</source>
        <translation>Livré depuis le début de l’abonnement — enregistrements&#xa0;: %L1, données&#xa0;: %2</translation>
    </message>
    <message>
        <source>Record data delivered per second since the previous refresh</source>
        <translation>Données d’enregistrements livrées par seconde depuis l’actualisation précédente</translation>
    </message>
    <message>
        <source>Known from the next refresh on</source>
        <translation>Connu dès la prochaine actualisation</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>Consommateur</translation>
    </message>
    <message>
        <source>Shard</source>
        <translation>Shard</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Retard</translation>
    </message>
    <message>
        <source>Records delivered</source>
        <translation>Enregistrements livrés</translation>
    </message>
    <message>
        <source>Bytes/s</source>
        <translation>Octets/s</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>Dernier événement</translation>
    </message>
</context>
<context>
    <name>shardscope::RegisterConsumerDialog</name>
    <message>
        <source>Register Consumer — %1</source>
        <translation>Inscrire un consommateur — %1</translation>
    </message>
    <message>
        <source>e.g. billing-service</source>
        <translation>p. ex. billing-service</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Each consumer reads every shard with its own 2 MiB/s through SubscribeToShard, named by its ARN. A stream can have %L1 consumers.</source>
        <translation>Chaque consommateur lit chaque shard avec ses propres 2&#xa0;Mio/s par SubscribeToShard et est désigné par son ARN. Un flux peut avoir %L1&#xa0;consommateurs.</translation>
    </message>
    <message>
        <source>This one has %L1.</source>
        <translation>Celui-ci en a %L1.</translation>
    </message>
    <message>
        <source>Stream:</source>
        <translation>Flux&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Inscrire</translation>
    </message>
    <message>
        <source>Enter a name for the consumer.</source>
        <translation>Saisissez un nom pour le consommateur.</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>La connexion est fermée.</translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation>Inscription…</translation>
    </message>
</context>
<context>
    <name>shardscope::StreamBackend</name>
    <message>
        <source>%1 does not report who reads a stream.</source>
        <translation>%1 n’indique pas qui lit un flux.</translation>
    </message>
    <message>
        <source>%1 offers no metrics.</source>
        <translation>%1 ne fournit pas de métriques.</translation>
    </message>
    <message>
        <source>%1 cannot measure shard use.</source>
        <translation>%1 ne peut pas mesurer l’utilisation des shards.</translation>
    </message>
    <message>
        <source>%1 cannot register consumers.</source>
        <translation>%1 ne peut pas inscrire de consommateurs.</translation>
    </message>
    <message>
        <source>%1 cannot describe consumers.</source>
        <translation>%1 ne peut pas décrire les consommateurs.</translation>
    </message>
    <message>
        <source>%1 cannot deregister consumers.</source>
        <translation>%1 ne peut pas désinscrire de consommateurs.</translation>
    </message>
    <message>
        <source>%1 cannot subscribe to shards.</source>
        <translation>%1 ne peut pas s’abonner aux shards.</translation>
    </message>
</context>
<context>
    <name>shardscope::EmulatorBackend</name>
    <message>
        <source>in memory</source>
        <translation>en mémoire</translation>
    </message>
    <message>
        <source>The connection %1 is read-only.</source>
        <translation>La connexion %1 est en lecture seule.</translation>
    </message>
</context>
<context>
    <name>shardscope::BackendSubscription</name>
    <message>
        <source>The connection %1 was closed.</source>
        <translation>La connexion %1 a été fermée.</translation>
    </message>
</context>
<context>
    <name>shardscope::EncryptionDialog</name>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>&amp;New Key…</source>
        <translation>&amp;Nouvelle clé…</translation>
    </message>
    <message>
        <source>&amp;Start Encryption</source>
        <translation>&amp;Activer le chiffrement</translation>
    </message>
    <message>
        <source>S&amp;top Encryption</source>
        <translation>&amp;Désactiver le chiffrement</translation>
    </message>
    <message>
        <source>Encryption — %1</source>
        <translation>Chiffrement — %1</translation>
    </message>
    <message>
        <source>Loading keys…</source>
        <translation>Chargement des clés…</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Clé&#xa0;:</translation>
    </message>
    <message>
        <source>Create a customer managed KMS key with an alias</source>
        <translation>Créer une clé KMS gérée par le client, avec un alias</translation>
    </message>
    <message>
        <source>Current encryption:</source>
        <translation>Chiffrement actuel&#xa0;:</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>La connexion est fermée.</translation>
    </message>
    <message>
        <source>None — records are stored unencrypted</source>
        <translation>Aucun — les enregistrements sont stockés sans chiffrement</translation>
    </message>
    <message>
        <source>KMS with key %1</source>
        <translation>KMS avec la clé %1</translation>
    </message>
    <message>
        <source>No keys</source>
        <translation>Aucune clé</translation>
    </message>
    <message>
        <source>The KMS keys could not be listed. %1</source>
        <translation>Les clés KMS n&apos;ont pas pu être listées. %1</translation>
    </message>
    <message>
        <source>%1 (AWS managed)</source>
        <translation>%1 (gérée par AWS)</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>activée</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>désactivée</translation>
    </message>
    <message>
        <source>The key is disabled; enable it in KMS to encrypt with it.</source>
        <translation>La clé est désactivée&#xa0;; activez-la dans KMS pour pouvoir chiffrer avec.</translation>
    </message>
    <message>
        <source>pending deletion</source>
        <translation>en attente de suppression</translation>
    </message>
    <message>
        <source>The key is scheduled for deletion and can no longer encrypt.</source>
        <translation>La suppression de la clé est planifiée&#xa0;; elle ne peut plus chiffrer.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · key %2 · %3</source>
        <translation>%1 · clé %2 · %3</translation>
    </message>
    <message>
        <source>%1 (cannot be used)</source>
        <translation>%1 (inutilisable)</translation>
    </message>
    <message>
        <source>Key ID %1</source>
        <translation>ID de clé %1</translation>
    </message>
    <message>
        <source>Key ID: %1</source>
        <translation>ID de clé&#xa0;: %1</translation>
    </message>
    <message>
        <source>ARN: %1</source>
        <translation>ARN&#xa0;: %1</translation>
    </message>
    <message>
        <source>Aliases: %1</source>
        <translation>Alias&#xa0;: %1</translation>
    </message>
    <message>
        <source>Description: %1</source>
        <translation>Description&#xa0;: %1</translation>
    </message>
    <message>
        <source>No usable key</source>
        <translation>Aucune clé utilisable</translation>
    </message>
    <message>
        <source>There is no key to encrypt with: create one with New Key…</source>
        <translation>Aucune clé pour chiffrer&#xa0;: créez-en une avec Nouvelle clé…</translation>
    </message>
    <message>
        <source>&amp;Switch to This Key</source>
        <translation>&amp;Passer à cette clé</translation>
    </message>
    <message>
        <source>The stream is already encrypted with this key.</source>
        <translation>Le flux est déjà chiffré avec cette clé.</translation>
    </message>
</context>
<context>
    <name>shardscope::EnhancedMonitoringDialog</name>
    <message>
        <source>Bytes put into the shard</source>
        <translation>Octets écrits dans le shard</translation>
    </message>
    <message>
        <source>Records put into the shard</source>
        <translation>Enregistrements écrits dans le shard</translation>
    </message>
    <message>
        <source>Bytes read from the shard</source>
        <translation>Octets lus dans le shard</translation>
    </message>
    <message>
        <source>Records read from the shard</source>
        <translation>Enregistrements lus dans le shard</translation>
    </message>
    <message>
        <source>Writes the shard throttled</source>
        <translation>Écritures limitées par le shard</translation>
    </message>
    <message>
        <source>Reads the shard throttled</source>
        <translation>Lectures limitées par le shard</translation>
    </message>
    <message>
        <source>How far behind the newest record the shard&apos;s readers are</source>
        <translation>Retard des lecteurs du shard sur l’enregistrement le plus récent</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>&amp;All shard-level metrics</source>
        <translation>&amp;Toutes les métriques par shard</translation>
    </message>
    <message>
        <source>Enhanced Monitoring — %1</source>
        <translation>Surveillance améliorée — %1</translation>
    </message>
    <message>
        <source>Shard-level metrics are published per shard each minute, beside the stream-level ones; on AWS each one is billed as a custom metric.</source>
        <translation>Les métriques par shard sont publiées chaque minute pour chaque shard, en plus de celles du flux ; chez AWS, chacune est facturée comme une métrique personnalisée.</translation>
    </message>
    <message>
        <source>Current:</source>
        <translation>Actuel :</translation>
    </message>
    <message>
        <source>Metrics:</source>
        <translation>Métriques :</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Appliquer</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>La connexion est fermée.</translation>
    </message>
    <message>
        <source>Off (stream-level metrics only)</source>
        <translation>Désactivée (métriques du flux seulement)</translation>
    </message>
    <message>
        <source>All shard-level metrics</source>
        <translation>Toutes les métriques par shard</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Application…</translation>
    </message>
</context>
<context>
    <name>shardscope::ExportDialog</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Export Records — %1</source>
        <translation>Exporter des enregistrements — %1</translation>
    </message>
    <message>
        <source>JSON Lines (.jsonl)</source>
        <translation>JSON Lines (.jsonl)</translation>
    </message>
    <message>
        <source>CSV (.csv)</source>
        <translation>CSV (.csv)</translation>
    </message>
    <message>
        <source>Write them to</source>
        <translation>Les écrire dans</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format :</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>F&amp;ichier :</translation>
    </message>
    <message>
        <source>Stop; the file is left as it was (Ctrl+.).</source>
        <translation>Arrêter ; le fichier reste tel quel (Ctrl+.).</translation>
    </message>
    <message>
        <source>Reading the range: %1 so far, %2 of %3 done</source>
        <translation>Lecture de la plage : %1 jusqu’ici, %2 sur %3 terminés</translation>
    </message>
    <message>
        <source>Stopped; nothing was written.</source>
        <translation>Arrêté ; rien n’a été écrit.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON Lines files (*.jsonl)</source>
        <translation>Fichiers JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Export Records</source>
        <translation>Exporter des enregistrements</translation>
    </message>
    <message>
        <source>Reading the range…</source>
        <translation>Lecture de la plage…</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Écriture de %1…</translation>
    </message>
    <message>
        <source>Stopped; the file was left as it was.</source>
        <translation>Arrêté ; le fichier est resté tel quel.</translation>
    </message>
    <message>
        <source>Wrote %1, %2 KiB to %3</source>
        <translation>%1, %2 Kio écrits dans %3</translation>
    </message>
</context>
<context>
    <name>shardscope::GeneratorForm</name>
    <message>
        <source> records/s</source>
        <translation> enregistrements/s</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Until stopped</source>
        <translation>Jusqu’à l’arrêt</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> octets</translation>
    </message>
    <message>
        <source>Records are this size, or between the two sizes when they differ</source>
        <translation>Les enregistrements ont cette taille, ou une taille entre les deux quand elles diffèrent</translation>
    </message>
    <message>
        <source>Uniform</source>
        <translation>Uniforme</translation>
    </message>
    <message>
        <source>A few hot keys</source>
        <translation>Quelques clés chaudes</translation>
    </message>
    <message>
        <source>Zipf</source>
        <translation>Zipf</translation>
    </message>
    <message>
        <source> keys</source>
        <translation> clés</translation>
    </message>
    <message>
        <source> hot</source>
        <translation> chaudes</translation>
    </message>
    <message>
        <source> % of the records</source>
        <translation> % des enregistrements</translation>
    </message>
    <message>
        <source>exponent </source>
        <translation>exposant </translation>
    </message>
    <message>
        <source>Random JSON</source>
        <translation>JSON aléatoire</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>The put dialog&apos;s templates: {{counter}}, {{uuid}}, {{timestamp}}, {{random:int:1:100}}, {{choice:a|b}}</source>
        <translation>Les modèles de la fenêtre d’écriture&#xa0;: {{counter}}, {{uuid}}, {{timestamp}}, {{random:int:1:100}}, {{choice:a|b}}</translation>
    </message>
    <message>
        <source>KPL &amp;aggregation</source>
        <translation>&amp;Agrégation KPL</translation>
    </message>
    <message>
        <source>Pack the records of a shard into KPL aggregated records, as the KPL does</source>
        <translation>Regrouper les enregistrements d’un shard en enregistrements agrégés KPL, comme le fait la KPL</translation>
    </message>
    <message>
        <source>&amp;Start Generator</source>
        <translation>&amp;Démarrer le générateur</translation>
    </message>
    <message>
        <source>C&amp;onnection:</source>
        <translation>C&amp;onnexion :</translation>
    </message>
    <message>
        <source>St&amp;ream:</source>
        <translation>&amp;Flux :</translation>
    </message>
    <message>
        <source>R&amp;ate:</source>
        <translation>Déb&amp;it :</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Durée&#xa0;:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>Record si&amp;ze:</source>
        <translation>&amp;Taille des enregistrements&#xa0;:</translation>
    </message>
    <message>
        <source>Partition &amp;keys:</source>
        <translation>&amp;Clés de partition&#xa0;:</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1 (lecture seule)</translation>
    </message>
    <message>
        <source>There is no connection to put records into.</source>
        <translation>Aucune connexion où écrire des enregistrements.</translation>
    </message>
    <message>
        <source>%1 is read-only: records cannot be put into it.</source>
        <translation>%1 est en lecture seule : impossible d’y écrire des enregistrements.</translation>
    </message>
    <message>
        <source>This connection has no streams.</source>
        <translation>Cette connexion n’a aucun flux.</translation>
    </message>
    <message>
        <source>Listing streams…</source>
        <translation>Liste des flux…</translation>
    </message>
    <message>
        <source>Pa&amp;yload:</source>
        <translation>Conte&amp;nu&#xa0;:</translation>
    </message>
</context>
<context>
    <name>shardscope::HttpServer</name>
    <message>
        <source>TLS is not available: Qt has no TLS backend (the OpenSSL 3 plugin of Qt Network) or it cannot load OpenSSL.</source>
        <translation>TLS n&apos;est pas disponible&#xa0;: Qt n&apos;a pas de backend TLS (le plugin OpenSSL 3 de Qt Network) ou ne parvient pas à charger OpenSSL.</translation>
    </message>
    <message>
        <source>TLS needs a certificate and its private key.</source>
        <translation>TLS nécessite un certificat et sa clé privée.</translation>
    </message>
</context>
<context>
    <name>shardscope::ImportDialog</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Import Records — %1</source>
        <translation>Importer des enregistrements — %1</translation>
    </message>
    <message>
        <source>A JSON Lines file, one record per line</source>
        <translation>Un fichier JSON Lines, un enregistrement par ligne</translation>
    </message>
    <message>
        <source> records/s</source>
        <translation> enregistrements/s</translation>
    </message>
    <message>
        <source>As fast as allowed</source>
        <translation>Aussi vite que permis</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>F&amp;ichier :</translation>
    </message>
    <message>
        <source>R&amp;ate:</source>
        <translation>Déb&amp;it :</translation>
    </message>
    <message>
        <source>Into:</source>
        <translation>Dans :</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Stop sending; the records already put stay (Ctrl+.).</source>
        <translation>Arrêter l’envoi ; les enregistrements déjà écrits restent (Ctrl+.).</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>La connexion est fermée.</translation>
    </message>
    <message>
        <source>%1 is read-only: records cannot be put into it.</source>
        <translation>%1 est en lecture seule : impossible d’y écrire des enregistrements.</translation>
    </message>
    <message>
        <source>Import Records</source>
        <translation>Importer des enregistrements</translation>
    </message>
    <message>
        <source>JSON Lines files (*.jsonl *.json *.ndjson);;All files (*)</source>
        <translation>Fichiers JSON Lines (*.jsonl *.json *.ndjson);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>%1 ready to import.</source>
        <translation>%1 prêts à importer.</translation>
    </message>
    <message>
        <source>%1 ready to import; %2 could not be read (below).</source>
        <translation>%1 prêts à importer ; %2 illisibles (ci-dessous).</translation>
    </message>
    <message>
        <source>1 line</source>
        <translation>1 ligne</translation>
    </message>
    <message>
        <source>%L1 lines</source>
        <translation>%L1 lignes</translation>
    </message>
    <message>
        <source>Stopped. %1</source>
        <translation>Arrêté. %1</translation>
    </message>
    <message>
        <source>Done. %1</source>
        <translation>Terminé. %1</translation>
    </message>
</context>
<context>
    <name>shardscope::InlineErrorLabel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>shardscope::JsonTreeModel</name>
    <message>
        <source>{1 key}</source>
        <translation>{1 clé}</translation>
    </message>
    <message>
        <source>{%L1 keys}</source>
        <translation>{%L1 clés}</translation>
    </message>
    <message>
        <source>[1 item]</source>
        <translation>[1 élément]</translation>
    </message>
    <message>
        <source>[%L1 items]</source>
        <translation>[%L1 éléments]</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
</context>
<context>
    <name>shardscope::KeychainSecretStore</name>
    <message>
        <source>%1: the system keychain said: %2</source>
        <translation>%1 : le trousseau du système a répondu : %2</translation>
    </message>
    <message>
        <source>The secret of connection %1 could not be saved</source>
        <translation>Le secret de la connexion %1 n’a pas pu être enregistré</translation>
    </message>
    <message>
        <source>No secret is stored for the connection %1 in the system keychain.</source>
        <translation>Aucun secret n’est enregistré pour la connexion %1 dans le trousseau du système.</translation>
    </message>
    <message>
        <source>The secret of connection %1 could not be read</source>
        <translation>Le secret de la connexion %1 n’a pas pu être lu</translation>
    </message>
    <message>
        <source>The keychain entry of connection %1 is not one Shardscope wrote.</source>
        <translation>L’entrée du trousseau de la connexion %1 n’a pas été écrite par Shardscope.</translation>
    </message>
    <message>
        <source>The secret of connection %1 could not be deleted</source>
        <translation>Le secret de la connexion %1 n’a pas pu être supprimé</translation>
    </message>
</context>
<context>
    <name>shardscope::KinesisServer</name>
    <message>
        <source>TLS is not available: Qt has no TLS backend (the OpenSSL 3 plugin of Qt Network) or it cannot load OpenSSL.</source>
        <translation>TLS n&apos;est pas disponible&#xa0;: Qt n&apos;a pas de backend TLS (le plugin OpenSSL 3 de Qt Network) ou ne parvient pas à charger OpenSSL.</translation>
    </message>
    <message>
        <source>The TLS certificate is not a PEM certificate.</source>
        <translation>Le certificat TLS n&apos;est pas un certificat PEM.</translation>
    </message>
    <message>
        <source>The TLS private key is not an unencrypted PEM EC, RSA or DSA key.</source>
        <translation>La clé privée TLS n&apos;est pas une clé PEM EC, RSA ou DSA non chiffrée.</translation>
    </message>
</context>
<context>
    <name>shardscope::LoadGenerator</name>
    <message>
        <source>The rate must be more than 0 and at most %L1 records per second.</source>
        <translation>Le débit doit être supérieur à 0 et d’au plus %L1 enregistrements par seconde.</translation>
    </message>
    <message>
        <source>The duration cannot be negative.</source>
        <translation>La durée ne peut pas être négative.</translation>
    </message>
    <message>
        <source>Record sizes must be from 1 to %L1 bytes, the smallest first.</source>
        <translation>Les tailles d’enregistrement vont de 1 à %L1 octets, la plus petite d’abord.</translation>
    </message>
    <message>
        <source>There must be at least one partition key.</source>
        <translation>Il faut au moins une clé de partition.</translation>
    </message>
    <message>
        <source>The partition key prefix is too long.</source>
        <translation>Le préfixe des clés de partition est trop long.</translation>
    </message>
    <message>
        <source>Hot keys must be from 1 to the number of keys, their share from 0 to 100 %.</source>
        <translation>Clés chaudes : de 1 au nombre de clés, leur part de 0 à 100 %.</translation>
    </message>
    <message>
        <source>The Zipf exponent must be more than 0.</source>
        <translation>L’exposant de Zipf doit être supérieur à 0.</translation>
    </message>
    <message>
        <source>The template is wrong at character %1: %2</source>
        <translation>Le modèle est erroné au caractère %1 : %2</translation>
    </message>
    <message>
        <source>The connection %1 is read-only.</source>
        <translation>La connexion %1 est en lecture seule.</translation>
    </message>
    <message>
        <source>The connection is gone.</source>
        <translation>La connexion n’existe plus.</translation>
    </message>
</context>
<context>
    <name>shardscope::LocalEmulator</name>
    <message>
        <source>Checking signatures needs at least one access key.</source>
        <translation>La vérification des signatures demande au moins une clé d’accès.</translation>
    </message>
    <message>
        <source>Cannot set up TLS: %1</source>
        <translation>Impossible de configurer TLS : %1</translation>
    </message>
</context>
<context>
    <name>shardscope::MainWindow</name>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <source>Shardscope</source>
        <translation>Shardscope</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Shardscope&lt;/h2&gt;&lt;p&gt;Select a stream on the left to see its settings and shards.&lt;/p&gt;&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; creates a stream · &lt;b&gt;%2&lt;/b&gt; lists every command · &lt;b&gt;%3&lt;/b&gt; serves the emulator to your SDKs and the AWS CLI&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Shardscope&lt;/h2&gt;&lt;p&gt;Sélectionnez un flux à gauche pour voir ses paramètres et ses shards.&lt;/p&gt;&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; crée un flux · &lt;b&gt;%2&lt;/b&gt; liste toutes les commandes · &lt;b&gt;%3&lt;/b&gt; met l&apos;émulateur à disposition de vos SDK et de l&apos;AWS CLI&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Demo events are off for this session.</source>
        <translation>Les événements de démo sont désactivés pour cette session.</translation>
    </message>
    <message>
        <source>&amp;New Stream…</source>
        <translation>&amp;Nouveau flux…</translation>
    </message>
    <message>
        <source>Create a stream with a shard count or on-demand capacity</source>
        <translation>Créer un flux avec un nombre de shards ou une capacité à la demande</translation>
    </message>
    <message>
        <source>&amp;Delete Stream…</source>
        <translation>&amp;Supprimer le flux…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Del</source>
        <translation>Ctrl+Shift+Del</translation>
    </message>
    <message>
        <source>Delete the selected stream after typing its name</source>
        <translation>Supprimer le flux sélectionné après avoir saisi son nom</translation>
    </message>
    <message>
        <source>&amp;Retention Period…</source>
        <translation>Durée de &amp;rétention…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>How long the selected stream keeps records (24 hours to 365 days)</source>
        <translation>Durée de conservation des enregistrements du flux sélectionné (24 heures à 365 jours)</translation>
    </message>
    <message>
        <source>&amp;Encryption…</source>
        <translation>&amp;Chiffrement…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Start or stop server-side encryption with a KMS key</source>
        <translation>Activer ou désactiver le chiffrement côté serveur avec une clé KMS</translation>
    </message>
    <message>
        <source>&amp;Tags…</source>
        <translation>&amp;Balises…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <source>Add, change and remove the selected stream&apos;s tags</source>
        <translation>Ajouter, modifier et supprimer les balises du flux sélectionné</translation>
    </message>
    <message>
        <source>Capacity &amp;Mode…</source>
        <translation>&amp;Mode de capacité…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>Switch between provisioned and on-demand capacity</source>
        <translation>Basculer entre capacité provisionnée et capacité à la demande</translation>
    </message>
    <message>
        <source>Maximum Record &amp;Size…</source>
        <translation>Taille maximale des &amp;enregistrements…</translation>
    </message>
    <message>
        <source>The largest record the stream accepts (1 to 10 MiB)</source>
        <translation>Le plus gros enregistrement accepté par le flux (1 à 10 Mio)</translation>
    </message>
    <message>
        <source>S&amp;plit Shard in Half</source>
        <translation>Di&amp;viser le shard en deux</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>Split the selected open shard at the middle of its hash-key range</source>
        <translation>Diviser le shard ouvert sélectionné au milieu de sa plage de clés de hachage</translation>
    </message>
    <message>
        <source>Mer&amp;ge with Next Shard</source>
        <translation>Fusionner avec le shard s&amp;uivant</translation>
    </message>
    <message>
        <source>Ctrl+Shift+G</source>
        <translation>Ctrl+Shift+G</translation>
    </message>
    <message>
        <source>Merge the selected open shard with the open shard whose hash keys follow it</source>
        <translation>Fusionner le shard ouvert sélectionné avec le shard ouvert dont les clés de hachage suivent les siennes</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>List streams and shards again</source>
        <translation>Recharger la liste des flux et des shards</translation>
    </message>
    <message>
        <source>&amp;Serve on Localhost</source>
        <translation>&amp;Servir sur localhost</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Serve the local emulator with the Kinesis wire protocol on 127.0.0.1:4567</source>
        <translation>Servir l&apos;émulateur local avec le protocole Kinesis sur 127.0.0.1:4567</translation>
    </message>
    <message>
        <source>&amp;Demo Events</source>
        <translation>Événements de &amp;démo</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>Trickle sample web-shop events into the demo stream</source>
        <translation>Injecter des événements d&apos;exemple de boutique en ligne dans le flux de démo</translation>
    </message>
    <message>
        <source>Enforce &amp;Throughput Limits</source>
        <translation>Appliquer les limites de &amp;débit</translation>
    </message>
    <message>
        <source>Ctrl+Alt+L</source>
        <translation>Ctrl+Alt+L</translation>
    </message>
    <message>
        <source>Throttle the local emulator&apos;s shards as Kinesis does: writes of 1 MiB/s or 1,000 records/s, reads of 2 MiB/s or 5 calls/s per shard</source>
        <translation>Limiter les shards de l&apos;émulateur local comme Kinesis : écritures de 1 Mio/s ou 1 000 enregistrements/s, lectures de 2 Mio/s ou 5 appels/s par shard</translation>
    </message>
    <message>
        <source>There is no local emulator in this session.</source>
        <translation>Il n&apos;y a pas d&apos;émulateur local dans cette session.</translation>
    </message>
    <message>
        <source>&amp;Command Palette…</source>
        <translation>&amp;Palette de commandes…</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Find and run any command by name</source>
        <translation>Rechercher et exécuter une commande par son nom</translation>
    </message>
    <message>
        <source>&amp;Filter Streams</source>
        <translation>&amp;Filtrer les flux</translation>
    </message>
    <message>
        <source>Type to filter the streams tree</source>
        <translation>Saisissez du texte pour filtrer l&apos;arborescence des flux</translation>
    </message>
    <message>
        <source>&amp;Overview Tab</source>
        <translation>Onglet &amp;Vue d&apos;ensemble</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Show the selected stream&apos;s settings and totals</source>
        <translation>Afficher les paramètres et les totaux du flux sélectionné</translation>
    </message>
    <message>
        <source>S&amp;hards Tab</source>
        <translation>Onglet S&amp;hards</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>Show the selected stream&apos;s shard map and shards</source>
        <translation>Afficher la carte des shards et les shards du flux sélectionné</translation>
    </message>
    <message>
        <source>C&amp;lear Activity</source>
        <translation>&amp;Effacer l&apos;activité</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>Empty the activity list</source>
        <translation>Vider la liste d&apos;activité</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Para&amp;mètres…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>Language and demo events</source>
        <translation>Langue et événements de démo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>Close Shardscope</source>
        <translation>Fermer Shardscope</translation>
    </message>
    <message>
        <source>&amp;About Shardscope</source>
        <translation>À &amp;propos de Shardscope</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation>Version et licence</translation>
    </message>
    <message>
        <source>Filter streams (%1)</source>
        <translation>Filtrer les flux (%1)</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Stream</source>
        <translation>F&amp;lux</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Afficher %1</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Not serving</source>
        <translation>Serveur inactif</translation>
    </message>
    <message>
        <source>1 failed call</source>
        <translation>1 appel en échec</translation>
    </message>
    <message>
        <source>%1 failed calls</source>
        <translation>%1 appels en échec</translation>
    </message>
    <message>
        <source>%1 — Shardscope</source>
        <translation>%1 — Shardscope</translation>
    </message>
    <message>
        <source>Select a stream first.</source>
        <translation>Sélectionnez d&apos;abord un flux.</translation>
    </message>
    <message>
        <source>This connection is read-only.</source>
        <translation>Cette connexion est en lecture seule.</translation>
    </message>
    <message>
        <source>Select an open shard on the Shards tab first.</source>
        <translation>Sélectionnez d&apos;abord un shard ouvert dans l&apos;onglet Shards.</translation>
    </message>
    <message>
        <source>%1 failed: %2: %3</source>
        <translation>%1 a échoué&#xa0;: %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1 started.</source>
        <translation>%1 lancé.</translation>
    </message>
    <message>
        <source>Splitting %1</source>
        <translation>Division de %1</translation>
    </message>
    <message>
        <source>%1 is the last shard of the key space; select the shard before it to merge.</source>
        <translation>%1 est le dernier shard de l&apos;espace de clés&#xa0;; sélectionnez le shard qui le précède pour fusionner.</translation>
    </message>
    <message>
        <source>Merging %1 with %2</source>
        <translation>Fusion de %1 avec %2</translation>
    </message>
    <message>
        <source>Not serving: %1</source>
        <translation>Serveur inactif&#xa0;: %1</translation>
    </message>
    <message>
        <source>Serving at %1</source>
        <translation>En service sur %1</translation>
    </message>
    <message>
        <source>Point SDKs here, e.g. aws kinesis list-streams --endpoint-url %1</source>
        <translation>Pointez vos SDK ici, p. ex. aws kinesis list-streams --endpoint-url %1</translation>
    </message>
    <message>
        <source>● Demo events → %1</source>
        <translation>● Événements de démo → %1</translation>
    </message>
    <message>
        <source>Sample events are being put into the %1 stream. Turn them off with %2.</source>
        <translation>Des événements d&apos;exemple sont injectés dans le flux %1. Désactivez-les avec %2.</translation>
    </message>
    <message>
        <source>Demo events stopped</source>
        <translation>Événements de démo arrêtés</translation>
    </message>
    <message>
        <source>About Shardscope</source>
        <translation>À propos de Shardscope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Shardscope %1&lt;/h3&gt;&lt;p&gt;A desktop stream explorer and emulator for Amazon Kinesis Data Streams.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Shardscope %1&lt;/h3&gt;&lt;p&gt;Un explorateur et émulateur de flux de bureau pour Amazon Kinesis Data Streams.&lt;/p&gt;&lt;p&gt;Compilé avec Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>live AWS · read-only</source>
        <translation>AWS réel · lecture seule</translation>
    </message>
    <message>
        <source>live AWS · writable</source>
        <translation>AWS réel · modifiable</translation>
    </message>
    <message>
        <source>AWS API · read-only</source>
        <translation>API AWS · lecture seule</translation>
    </message>
    <message>
        <source>AWS API</source>
        <translation>API AWS</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>&amp;Records Tab</source>
        <translation>Onglet &amp;Enregistrements</translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <source>Read the selected stream&apos;s records live and filter them</source>
        <translation>Lire en direct les enregistrements du flux sélectionné et les filtrer</translation>
    </message>
    <message>
        <source>&amp;Put Records…</source>
        <translation>&amp;Insérer des enregistrements…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <source>Put one record, a repeated template or a JSON Lines / CSV batch into the stream</source>
        <translation>Écrire un enregistrement, un modèle répété ou un lot JSON Lines / CSV dans le flux</translation>
    </message>
    <message>
        <source>Re&amp;play Records…</source>
        <translation>Re&amp;jouer des enregistrements…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Y</source>
        <translation>Ctrl+Shift+Y</translation>
    </message>
    <message>
        <source>Put the selected records, the filter&apos;s matches or a time range into a stream of any connection</source>
        <translation>Écrire les enregistrements sélectionnés, les résultats du filtre ou une plage horaire dans un flux de n&apos;importe quelle connexion</translation>
    </message>
    <message>
        <source>E&amp;xport Records…</source>
        <translation>E&amp;xporter des enregistrements…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+X</source>
        <translation>Ctrl+Shift+X</translation>
    </message>
    <message>
        <source>Write the selected records, the filter&apos;s matches or a time range to JSON Lines or CSV</source>
        <translation>Enregistrer les enregistrements sélectionnés, les résultats du filtre ou une plage horaire en JSON Lines ou CSV</translation>
    </message>
    <message>
        <source>&amp;Import Records…</source>
        <translation>&amp;Importer des enregistrements…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>Put the records of a JSON Lines file into the stream</source>
        <translation>Écrire les enregistrements d&apos;un fichier JSON Lines dans le flux</translation>
    </message>
    <message>
        <source>Show Record &amp;Reads in Activity</source>
        <translation>Afficher les &amp;lectures dans l&apos;activité</translation>
    </message>
    <message>
        <source>Ctrl+Alt+R</source>
        <translation>Ctrl+Alt+R</translation>
    </message>
    <message>
        <source>Add &amp;AWS Connection…</source>
        <translation>Ajouter une connexion &amp;AWS…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Connect to Kinesis in AWS with a profile or access keys, or to another endpoint</source>
        <translation>Se connecter à Kinesis dans AWS avec un profil ou des clés d’accès, ou à un autre point de terminaison</translation>
    </message>
    <message>
        <source>&amp;Edit Connection…</source>
        <translation>&amp;Modifier la connexion…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+E</source>
        <translation>Ctrl+Alt+E</translation>
    </message>
    <message>
        <source>Change the selected AWS connection&apos;s credentials, region or endpoint</source>
        <translation>Modifier les identifiants, la région ou le point de terminaison de la connexion AWS choisie</translation>
    </message>
    <message>
        <source>Remo&amp;ve Connection…</source>
        <translation>Re&amp;tirer la connexion…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+X</source>
        <translation>Ctrl+Alt+X</translation>
    </message>
    <message>
        <source>Forget the selected AWS connection and delete its secret from the keychain</source>
        <translation>Oublier la connexion AWS choisie et supprimer son secret du trousseau</translation>
    </message>
    <message>
        <source>&amp;Read-only Connection</source>
        <translation>Connexion en &amp;lecture seule</translation>
    </message>
    <message>
        <source>Ctrl+Alt+O</source>
        <translation>Ctrl+Alt+O</translation>
    </message>
    <message>
        <source>Refuse every change on the selected AWS connection</source>
        <translation>Refuser toute modification sur la connexion AWS choisie</translation>
    </message>
    <message>
        <source>Recent &amp;Connections</source>
        <translation>&amp;Connexions récentes</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation>&amp;Enregistrements</translation>
    </message>
    <message>
        <source>Select an AWS connection or one of its streams first.</source>
        <translation>Choisissez d’abord une connexion AWS ou l’un de ses flux.</translation>
    </message>
    <message>
        <source>%1 has no credentials: %2</source>
        <translation>%1 n’a pas d’identifiants : %2</translation>
    </message>
    <message>
        <source>Remove Connection</source>
        <translation>Retirer la connexion</translation>
    </message>
    <message>
        <source>Remove the connection “%1”?</source>
        <translation>Retirer la connexion « %1 » ?</translation>
    </message>
    <message>
        <source>Its streams stay where they are; Shardscope forgets the connection and deletes its secret from the system keychain.</source>
        <translation>Ses flux restent où ils sont ; Shardscope oublie la connexion et supprime son secret du trousseau du système.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>%1 is read-only now.</source>
        <translation>%1 est maintenant en lecture seule.</translation>
    </message>
    <message>
        <source>%1 accepts changes now.</source>
        <translation>%1 accepte maintenant les modifications.</translation>
    </message>
    <message>
        <source>No recent connections</source>
        <translation>Aucune connexion récente</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>Ctrl+Alt+%1</source>
        <translation>Ctrl+Alt+%1</translation>
    </message>
    <message>
        <source>Go to the connection %1</source>
        <translation>Aller à la connexion %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Live AWS · read-only — %1. Changes are switched off for this connection.</source>
        <translation>AWS réel · lecture seule — %1. Les modifications sont désactivées pour cette connexion.</translation>
    </message>
    <message>
        <source>Live AWS · writable — %1. Changes here affect real streams.</source>
        <translation>AWS réel · modifiable — %1. Les modifications ici touchent de vrais flux.</translation>
    </message>
    <message>
        <source>AWS API · read-only — %1</source>
        <translation>API AWS · lecture seule — %1</translation>
    </message>
    <message>
        <source>AWS API — %1</source>
        <translation>API AWS — %1</translation>
    </message>
    <message>
        <source>Also list successful GetRecords, GetShardIterator and shard statistics calls (failed ones always show)</source>
        <translation>Lister aussi les appels GetRecords, GetShardIterator et de statistiques de shards réussis (les appels en échec sont toujours affichés)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+B</source>
        <translation>Ctrl+Shift+B</translation>
    </message>
    <message>
        <source>P&amp;roducers</source>
        <translation>P&amp;roducteurs</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Generate load into any stream and watch what is sent, acknowledged and throttled, per second and per shard</source>
        <translation>Générer de la charge dans n’importe quel flux et voir ce qui est envoyé, acquitté et limité, par seconde et par shard</translation>
    </message>
    <message>
        <source>E&amp;nhanced Monitoring…</source>
        <translation>S&amp;urveillance améliorée…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+M</source>
        <translation>Ctrl+Alt+M</translation>
    </message>
    <message>
        <source>Choose the shard-level metrics the selected stream publishes</source>
        <translation>Choisir les métriques par shard que publie le flux sélectionné</translation>
    </message>
    <message>
        <source>&amp;Warm Throughput…</source>
        <translation>Débit &amp;préchauffé…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+W</source>
        <translation>Ctrl+Alt+W</translation>
    </message>
    <message>
        <source>Keep an on-demand stream scaled for a write throughput ahead of traffic</source>
        <translation>Garder un flux à la demande dimensionné pour un débit d’écriture avant l’arrivée du trafic</translation>
    </message>
    <message>
        <source>Resource Pol&amp;icy…</source>
        <translation>Politi&amp;que de ressource…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+P</source>
        <translation>Ctrl+Alt+P</translation>
    </message>
    <message>
        <source>Edit the JSON policy that lets other accounts and roles use the selected stream</source>
        <translation>Modifier la politique JSON qui permet à d’autres comptes et rôles d’utiliser le flux sélectionné</translation>
    </message>
    <message>
        <source>Acco&amp;unt Settings…</source>
        <translation>Paramètres du c&amp;ompte…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+A</source>
        <translation>Ctrl+Alt+A</translation>
    </message>
    <message>
        <source>The selected connection&apos;s minimum throughput billing commitment for on-demand streams</source>
        <translation>L’engagement de facturation d’un débit minimal de la connexion sélectionnée pour les flux à la demande</translation>
    </message>
    <message>
        <source>Warm throughput applies to on-demand streams only.</source>
        <translation>Le débit préchauffé ne concerne que les flux à la demande.</translation>
    </message>
    <message>
        <source>&amp;Metrics Tab</source>
        <translation>Onglet &amp;Métriques</translation>
    </message>
    <message>
        <source>Ctrl+4</source>
        <translation>Ctrl+4</translation>
    </message>
    <message>
        <source>Chart the selected stream&apos;s metrics over the last 15 minutes, hour or day</source>
        <translation>Afficher en graphiques les métriques du flux sélectionné sur les 15 dernières minutes, la dernière heure ou les dernières 24 heures</translation>
    </message>
    <message>
        <source>Cons&amp;umers Tab</source>
        <translation>Onglet &amp;Consommateurs</translation>
    </message>
    <message>
        <source>Ctrl+5</source>
        <translation>Ctrl+5</translation>
    </message>
    <message>
        <source>Show the selected stream&apos;s enhanced fan-out consumers and their live subscriptions</source>
        <translation>Afficher les consommateurs à diffusion améliorée du flux sélectionné et leurs abonnements en cours</translation>
    </message>
    <message>
        <source>Sp&amp;lit Shard at a Point…</source>
        <translation>Diviser le shard en un &amp;point…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+B</source>
        <translation>Ctrl+Alt+B</translation>
    </message>
    <message>
        <source>Preview a split of the selected shard on the Shards tab: drag the split point or type a key</source>
        <translation>Aperçu de la division du shard sélectionné dans l’onglet Shards : faites glisser le point de division ou saisissez une clé</translation>
    </message>
    <message>
        <source>Merge Ad&amp;jacent Shards…</source>
        <translation>Fusionner des shards ad&amp;jacents…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+F</source>
        <translation>Ctrl+Alt+F</translation>
    </message>
    <message>
        <source>Preview merging the selected shard with a neighbour picked by Shift+click on the band</source>
        <translation>Aperçu de la fusion du shard sélectionné avec un voisin choisi par Maj+clic sur la bande</translation>
    </message>
    <message>
        <source>Update Shard C&amp;ount…</source>
        <translation>Changer le n&amp;ombre de shards…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Q</source>
        <translation>Ctrl+Alt+Q</translation>
    </message>
    <message>
        <source>Preview UpdateShardCount&apos;s uniform layout and limits for a target shard count</source>
        <translation>Aperçu de la disposition uniforme et des limites d’UpdateShardCount pour un nombre de shards cible</translation>
    </message>
    <message>
        <source>Partition-&amp;Key Calculator</source>
        <translation>Calculatrice de clé de parti&amp;tion</translation>
    </message>
    <message>
        <source>Ctrl+Alt+H</source>
        <translation>Ctrl+Alt+H</translation>
    </message>
    <message>
        <source>Type a partition key to see its hash key and the shard it lands on</source>
        <translation>Saisissez une clé de partition pour voir sa clé de hachage et le shard où elle arrive</translation>
    </message>
    <message>
        <source>Show Shard &amp;Lineage</source>
        <translation>Afficher la &amp;lignée des shards</translation>
    </message>
    <message>
        <source>Ctrl+Alt+V</source>
        <translation>Ctrl+Alt+V</translation>
    </message>
    <message>
        <source>Every shard the stream has had, on a timeline from creation to close</source>
        <translation>Chaque shard qu’a eu le flux, sur une frise de sa création à sa fermeture</translation>
    </message>
</context>
<context>
    <name>shardscope::MaxRecordSizeDialog</name>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Maximum Record Size — %1</source>
        <translation>Taille maximale des enregistrements — %1</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> Kio</translation>
    </message>
    <message>
        <source>&amp;Maximum record size:</source>
        <translation>Taille &amp;maximale des enregistrements&#xa0;:</translation>
    </message>
    <message>
        <source>Current:</source>
        <translation>Valeur actuelle&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Appliquer</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnue</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>La connexion est fermée.</translation>
    </message>
    <message>
        <source>%L1 KiB (%2)</source>
        <translation>%L1 Kio (%2)</translation>
    </message>
    <message>
        <source>%L1 KiB is out of range: choose from %L2 to %L3 KiB (1 to 10 MiB).</source>
        <translation>%L1 Kio est hors limites&#xa0;: choisissez entre %L2 et %L3 Kio (1 à 10 Mio).</translation>
    </message>
    <message>
        <source>= %1</source>
        <translation>= %1</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Application…</translation>
    </message>
</context>
<context>
    <name>shardscope::MemorySecretStore</name>
    <message>
        <source>No secret is stored for the connection %1.</source>
        <translation>Aucun secret n’est enregistré pour la connexion %1.</translation>
    </message>
</context>
<context>
    <name>shardscope::NewKmsKeyDialog</name>
    <message>
        <source>New KMS Key</source>
        <translation>Nouvelle clé KMS</translation>
    </message>
    <message>
        <source>e.g. orders-stream</source>
        <translation>p. ex. orders-stream</translation>
    </message>
    <message>
        <source>&amp;Alias:</source>
        <translation>&amp;Alias&#xa0;:</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Facultatif</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Create Key</source>
        <translation>&amp;Créer la clé</translation>
    </message>
    <message>
        <source>Enter a name for the alias.</source>
        <translation>Saisissez un nom pour l&apos;alias.</translation>
    </message>
    <message>
        <source>a space</source>
        <translation>un espace</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>«&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>The alias contains %1, which is not allowed.</source>
        <translation>L&apos;alias contient %1, ce qui n&apos;est pas autorisé.</translation>
    </message>
    <message>
        <source>The alias contains %1, which are not allowed.</source>
        <translation>L&apos;alias contient %1, qui ne sont pas autorisés.</translation>
    </message>
    <message>
        <source>Use letters A–Z and a–z, digits, “/”, “_” and “-”.</source>
        <translation>Utilisez les lettres A–Z et a–z, les chiffres, «&#xa0;/&#xa0;», «&#xa0;_&#xa0;» et «&#xa0;-&#xa0;».</translation>
    </message>
    <message>
        <source>The alias is %L1 characters long; at most %L2 are allowed.</source>
        <translation>L&apos;alias fait %L1 caractères&#xa0;; %L2 au maximum sont autorisés.</translation>
    </message>
    <message>
        <source>Aliases starting with alias/aws/ are reserved for AWS managed keys.</source>
        <translation>Les alias commençant par alias/aws/ sont réservés aux clés gérées par AWS.</translation>
    </message>
    <message>
        <source>The alias %1 exists already.</source>
        <translation>L&apos;alias %1 existe déjà.</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>La connexion est fermée.</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Création…</translation>
    </message>
</context>
<context>
    <name>shardscope::PayloadSpool</name>
    <message>
        <source>The record spool could not be written: %1</source>
        <translation>Le fichier d&apos;enregistrements n&apos;a pas pu être écrit : %1</translation>
    </message>
    <message>
        <source>The record spool could not be created: %1</source>
        <translation>Le fichier d&apos;enregistrements n&apos;a pas pu être créé : %1</translation>
    </message>
    <message>
        <source>The record spool could not be read: %1</source>
        <translation>Le fichier d&apos;enregistrements n&apos;a pas pu être lu : %1</translation>
    </message>
    <message>
        <source>The record spool is shorter than its index.</source>
        <translation>Le fichier d&apos;enregistrements est plus court que son index.</translation>
    </message>
    <message>
        <source>The record spool is damaged.</source>
        <translation>Le fichier d&apos;enregistrements est endommagé.</translation>
    </message>
    <message>
        <source>The record is no longer kept.</source>
        <translation>L&apos;enregistrement n&apos;est plus conservé.</translation>
    </message>
</context>
<context>
    <name>shardscope::Producer</name>
    <message>
        <source>The producer&apos;s connection is gone.</source>
        <translation>La connexion du producteur n’existe plus.</translation>
    </message>
    <message>
        <source>The connection %1 is read-only.</source>
        <translation>La connexion %1 est en lecture seule.</translation>
    </message>
    <message>
        <source>The producer already has %L1 records outstanding, its limit; wait for their results before putting more.</source>
        <translation>Le producteur a déjà %L1 enregistrements en attente, sa limite ; attendez leurs résultats avant d’en envoyer d’autres.</translation>
    </message>
    <message>
        <source>The record was not put within its time to live (%L1 ms).</source>
        <translation>L’enregistrement n’a pas été écrit pendant sa durée de vie (%L1 ms).</translation>
    </message>
    <message>
        <source>PutRecords answered %L1 results for %L2 records.</source>
        <translation>PutRecords a renvoyé %L1 résultats pour %L2 enregistrements.</translation>
    </message>
</context>
<context>
    <name>shardscope::ProducerDashboard</name>
    <message>
        <source>Records per second</source>
        <translation>Enregistrements par seconde</translation>
    </message>
    <message>
        <source>records/s</source>
        <translation>enregistrements/s</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acquittés</translation>
    </message>
    <message>
        <source>Throttled</source>
        <translation>Limités</translation>
    </message>
    <message>
        <source>Retried</source>
        <translation>Réessayés</translation>
    </message>
    <message>
        <source>Bytes per second</source>
        <translation>Octets par seconde</translation>
    </message>
    <message>
        <source>bytes/s</source>
        <translation>octets/s</translation>
    </message>
    <message>
        <source>Put latency</source>
        <translation>Latence d’écriture</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Last minute</source>
        <translation>Dernière minute</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>15 dernières minutes</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Période&#xa0;:</translation>
    </message>
    <message>
        <source>Generated %1 · acknowledged %2 · failed %3 · refused %4 · outstanding %5 · p99 %6 ms</source>
        <translation>Générés %1 · acquittés %2 · en échec %3 · refusés %4 · en attente %5 · p99 %6 ms</translation>
    </message>
    <message>
        <source>Records per shard, last second</source>
        <translation>Enregistrements par shard, dernière seconde</translation>
    </message>
    <message>
        <source>Bytes per shard, last second</source>
        <translation>Octets par shard, dernière seconde</translation>
    </message>
    <message>
        <source>Producer &amp;Charts</source>
        <translation>&amp;Graphiques du producteur</translation>
    </message>
    <message>
        <source>Stream Me&amp;trics</source>
        <translation>Mé&amp;triques du flux</translation>
    </message>
    <message>
        <source>The target stream&apos;s metrics as the connection reports them (CloudWatch on AWS)</source>
        <translation>Les métriques du flux cible telles que la connexion les fournit (CloudWatch sur AWS)</translation>
    </message>
</context>
<context>
    <name>shardscope::ProducersPage</name>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Arrêt en cours</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Débit</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acquittés</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Pause or resume the selected generator</source>
        <translation>Mettre en pause ou reprendre le générateur sélectionné</translation>
    </message>
    <message>
        <source>Stop generating; the records already generated are still put or fail</source>
        <translation>Arrêter la génération&#xa0;; les enregistrements déjà générés sont encore écrits ou échouent</translation>
    </message>
    <message>
        <source>Remove the selected finished generator and its charts</source>
        <translation>Supprimer le générateur terminé sélectionné et ses graphiques</translation>
    </message>
    <message>
        <source>Start a generator to see what it sends, what Kinesis acknowledges and throttles, and how the records spread over the shards.</source>
        <translation>Démarrez un générateur pour voir ce qu’il envoie, ce que Kinesis acquitte et limite, et comment les enregistrements se répartissent sur les shards.</translation>
    </message>
    <message>
        <source>New generator</source>
        <translation>Nouveau générateur</translation>
    </message>
    <message>
        <source>Generators</source>
        <translation>Générateurs</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
</context>
<context>
    <name>shardscope::PutRecordDialog</name>
    <message>
        <source>E&amp;xplicit hash key:</source>
        <translation>Clé de hachage e&amp;xplicite :</translation>
    </message>
    <message>
        <source>C&amp;hoose File…</source>
        <translation>C&amp;hoisir un fichier…</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>&amp;Charger</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>Enre&amp;gistrer</translation>
    </message>
    <message>
        <source>Dele&amp;te</source>
        <translation>Supp&amp;rimer</translation>
    </message>
    <message>
        <source>&amp;Open File…</source>
        <translation>&amp;Ouvrir un fichier…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <source>Put Records — %1</source>
        <translation>Écrire des enregistrements — %1</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>E&amp;nregistrement</translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation>&amp;Lot</translation>
    </message>
    <message>
        <source>Put the record (%1)</source>
        <translation>Écrire l’enregistrement (%1)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Open Batch File…</source>
        <translation>Ouvrir un fichier de lot…</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>La connexion est fermée.</translation>
    </message>
    <message>
        <source>This connection is read-only: records cannot be put into “%1”.</source>
        <translation>Cette connexion est en lecture seule : impossible d’écrire des enregistrements dans « %1 ».</translation>
    </message>
    <message>
        <source>e.g. user-{{random:int:1:100}}</source>
        <translation>p. ex. user-{{random:int:1:100}}</translation>
    </message>
    <message>
        <source>&amp;Partition key:</source>
        <translation>Clé de &amp;partition :</translation>
    </message>
    <message>
        <source>Route by this hash key instead of the MD5 of the partition key: a decimal from 0 to 2^128 - 1.</source>
        <translation>Router selon cette clé de hachage au lieu du MD5 de la clé de partition : un nombre décimal de 0 à 2^128 - 1.</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>&amp;Data as:</source>
        <translation>&amp;Données en :</translation>
    </message>
    <message>
        <source>The record&apos;s data. Placeholders: {{counter}}, {{random:int:1:100}}, {{uuid}}, {{timestamp}}, {{choice:a|b|c}}</source>
        <translation>Les données de l’enregistrement. Espaces réservés : {{counter}}, {{random:int:1:100}}, {{uuid}}, {{timestamp}}, {{choice:a|b|c}}</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>Aucun fichier choisi.</translation>
    </message>
    <message>
        <source>Put this many records, expanding the placeholders for each.</source>
        <translation>Écrire autant d’enregistrements, en développant les espaces réservés pour chacun.</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>Nom du modèle</translation>
    </message>
    <message>
        <source>Te&amp;mplate:</source>
        <translation>&amp;Modèle :</translation>
    </message>
    <message>
        <source>times</source>
        <translation>fois</translation>
    </message>
    <message>
        <source>Placeholders in the key and data: {{counter}}, {{random:int:1:100}}, {{uuid}}, {{timestamp}}, {{choice:a|b|c}}</source>
        <translation>Espaces réservés dans la clé et les données : {{counter}}, {{random:int:1:100}}, {{uuid}}, {{timestamp}}, {{choice:a|b|c}}</translation>
    </message>
    <message>
        <source>Hash key:</source>
        <translation>Clé de hachage :</translation>
    </message>
    <message>
        <source>Target shard:</source>
        <translation>Shard cible :</translation>
    </message>
    <message>
        <source>Open a JSON Lines (.jsonl) or CSV (.csv) file (%1)</source>
        <translation>Ouvrir un fichier JSON Lines (.jsonl) ou CSV (.csv) (%1)</translation>
    </message>
    <message>
        <source>No file opened.</source>
        <translation>Aucun fichier ouvert.</translation>
    </message>
    <message>
        <source>JSON Lines: one object per line with PartitionKey, one of Data (base64), DataText or DataJson, and optionally ExplicitHashKey.
CSV: a header row with partitionKey, data (or dataBase64) and optionally explicitHashKey.</source>
        <translation>JSON Lines : un objet par ligne avec PartitionKey, l’un de Data (base64), DataText ou DataJson, et éventuellement ExplicitHashKey.
CSV : une ligne d’en-tête avec partitionKey, data (ou dataBase64) et éventuellement explicitHashKey.</translation>
    </message>
    <message>
        <source>“%1” is not a hex digit.</source>
        <translation>« %1 » n’est pas un chiffre hexadécimal.</translation>
    </message>
    <message>
        <source>An odd number of hex digits: the last byte has only one.</source>
        <translation>Nombre impair de chiffres hexadécimaux : le dernier octet n’en a qu’un.</translation>
    </message>
    <message>
        <source>Not valid JSON at line %1, column %2: %3</source>
        <translation>JSON non valide à la ligne %1, colonne %2 : %3</translation>
    </message>
    <message>
        <source>Not valid hex at line %1, column %2: %3</source>
        <translation>Hexadécimal non valide à la ligne %1, colonne %2 : %3</translation>
    </message>
    <message>
        <source>Choose a file to send.</source>
        <translation>Choisissez un fichier à envoyer.</translation>
    </message>
    <message>
        <source>Record %1: %2</source>
        <translation>Enregistrement %1 : %2</translation>
    </message>
    <message>
        <source>Column %1: %2</source>
        <translation>Colonne %1 : %2</translation>
    </message>
    <message>
        <source>Enter a partition key: every record needs one, even with an explicit hash key.</source>
        <translation>Saisissez une clé de partition : chaque enregistrement en a besoin, même avec une clé de hachage explicite.</translation>
    </message>
    <message>
        <source>The partition key has %L1 characters; at most %L2 are allowed.</source>
        <translation>La clé de partition compte %L1 caractères ; %L2 au plus sont autorisés.</translation>
    </message>
    <message>
        <source>Enter a decimal number from 0 to 2^128 - 1 (340282366920938463463374607431768211455).</source>
        <translation>Saisissez un nombre décimal de 0 à 2^128 - 1 (340282366920938463463374607431768211455).</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Ligne %1, colonne %2 : %3</translation>
    </message>
    <message>
        <source>The record is %1; this stream takes at most %2.</source>
        <translation>L’enregistrement fait %1 ; ce flux accepte au plus %2.</translation>
    </message>
    <message>
        <source>%1 (first record)</source>
        <translation>%1 (premier enregistrement)</translation>
    </message>
    <message>
        <source>explicit</source>
        <translation>explicite</translation>
    </message>
    <message>
        <source>MD5 of the first record&apos;s partition key</source>
        <translation>MD5 de la clé de partition du premier enregistrement</translation>
    </message>
    <message>
        <source>MD5 of the partition key</source>
        <translation>MD5 de la clé de partition</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Unknown: the shards could not be listed (%1).</source>
        <translation>Inconnu : impossible de lister les shards (%1).</translation>
    </message>
    <message>
        <source>Listing shards…</source>
        <translation>Liste des shards…</translation>
    </message>
    <message>
        <source>No open shard holds this key.</source>
        <translation>Aucun shard ouvert ne contient cette clé.</translation>
    </message>
    <message>
        <source>&amp;Send %1</source>
        <translation>&amp;Envoyer %1</translation>
    </message>
    <message>
        <source>“%1” is not a file.</source>
        <translation>« %1 » n’est pas un fichier.</translation>
    </message>
    <message>
        <source>The file is %1; a record in this stream can hold at most %2.</source>
        <translation>Le fichier fait %1 ; un enregistrement de ce flux contient au plus %2.</translation>
    </message>
    <message>
        <source>Could not read “%1”: %2</source>
        <translation>Impossible de lire « %1 » : %2</translation>
    </message>
    <message>
        <source>Choose the Record&apos;s Data</source>
        <translation>Choisir les données de l’enregistrement</translation>
    </message>
    <message>
        <source>Open Batch File</source>
        <translation>Ouvrir un fichier de lot</translation>
    </message>
    <message>
        <source>JSON Lines or CSV (*.jsonl *.ndjson *.json *.csv);;All files (*)</source>
        <translation>JSON Lines ou CSV (*.jsonl *.ndjson *.json *.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <source>%1 ready to send (%2).</source>
        <translation>%1 prêts à envoyer (%2).</translation>
    </message>
    <message>
        <source>1 line cannot be read and will be skipped:</source>
        <translation>1 ligne est illisible et sera ignorée :</translation>
    </message>
    <message>
        <source>%L1 lines cannot be read and will be skipped:</source>
        <translation>%L1 lignes sont illisibles et seront ignorées :</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Ligne %1 : %2</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Put into %1 with sequence number %2.</source>
        <translation>Écrit dans %1 avec le numéro de séquence %2.</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v sur %m</translation>
    </message>
    <message>
        <source>Sending %1…</source>
        <translation>Envoi de %1…</translation>
    </message>
    <message>
        <source>Stopping after the request in flight…</source>
        <translation>Arrêt après la requête en cours…</translation>
    </message>
    <message>
        <source>%1 put.</source>
        <translation>%1 écrits.</translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation>%1 en échec.</translation>
    </message>
    <message>
        <source>Stopped: %1 not sent.</source>
        <translation>Arrêté : %1 non envoyés.</translation>
    </message>
    <message>
        <source>Saved the template “%1”.</source>
        <translation>Modèle « %1 » enregistré.</translation>
    </message>
    <message>
        <source>Stop sending; the records already put stay (Ctrl+.).</source>
        <translation>Arrêter l’envoi ; les enregistrements déjà écrits restent (Ctrl+.).</translation>
    </message>
    <message>
        <source>Line %1 · %2</source>
        <translation>Ligne %1 · %2</translation>
    </message>
    <message>
        <source>Repeat %1 · %2</source>
        <translation>Répétition %1 · %2</translation>
    </message>
    <message>
        <source> records/s</source>
        <translation> enregistrements/s</translation>
    </message>
    <message>
        <source>As fast as allowed</source>
        <translation>Aussi vite que permis</translation>
    </message>
    <message>
        <source>How fast a batch or a repeat is put; throttled records are retried either way.</source>
        <translation>Vitesse d’écriture d’un lot ou d’une répétition ; les enregistrements limités sont réessayés dans tous les cas.</translation>
    </message>
    <message>
        <source>R&amp;ate:</source>
        <translation>Déb&amp;it :</translation>
    </message>
    <message>
        <source>Rep&amp;eat:</source>
        <translation>Répé&amp;ter :</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>By shard: %1.</source>
        <translation>Par shard : %1.</translation>
    </message>
    <message>
        <source>%1 not sent.</source>
        <translation>%1 non envoyés.</translation>
    </message>
</context>
<context>
    <name>shardscope::RangeReader</name>
    <message>
        <source>The connection is closed.</source>
        <translation>La connexion est fermée.</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>La connexion a été fermée.</translation>
    </message>
</context>
<context>
    <name>shardscope::RecordBatch</name>
    <message>
        <source>The partition key is empty.</source>
        <translation>La clé de partition est vide.</translation>
    </message>
    <message>
        <source>The partition key has %L1 characters; at most %L2 are allowed.</source>
        <translation>La clé de partition compte %L1 caractères ; %L2 au plus sont autorisés.</translation>
    </message>
    <message>
        <source>The explicit hash key “%1” is not a decimal number from 0 to 2^128 - 1.</source>
        <translation>La clé de hachage explicite « %1 » n’est pas un nombre décimal de 0 à 2^128 - 1.</translation>
    </message>
    <message>
        <source>The record is %L1 bytes; at most %L2 are allowed.</source>
        <translation>L’enregistrement fait %L1 octets ; %L2 au plus sont autorisés.</translation>
    </message>
    <message>
        <source>Column %1: %2</source>
        <translation>Colonne %1 : %2</translation>
    </message>
    <message>
        <source>Expected a JSON object.</source>
        <translation>Un objet JSON était attendu.</translation>
    </message>
    <message>
        <source>Unknown member “%1”; use PartitionKey, ExplicitHashKey and one of Data, DataText or DataJson.</source>
        <translation>Membre inconnu « %1 » ; utilisez PartitionKey, ExplicitHashKey et l’un de Data, DataText ou DataJson.</translation>
    </message>
    <message>
        <source>PartitionKey is missing.</source>
        <translation>PartitionKey manque.</translation>
    </message>
    <message>
        <source>PartitionKey must be a string.</source>
        <translation>PartitionKey doit être une chaîne.</translation>
    </message>
    <message>
        <source>ExplicitHashKey must be a string of decimal digits.</source>
        <translation>ExplicitHashKey doit être une chaîne de chiffres décimaux.</translation>
    </message>
    <message>
        <source>Data, DataText or DataJson is missing.</source>
        <translation>Data, DataText ou DataJson manque.</translation>
    </message>
    <message>
        <source>Give only one of Data, DataText and DataJson.</source>
        <translation>Indiquez un seul de Data, DataText et DataJson.</translation>
    </message>
    <message>
        <source>Data must be a base64 string.</source>
        <translation>Data doit être une chaîne base64.</translation>
    </message>
    <message>
        <source>Data is not valid base64.</source>
        <translation>Data n’est pas du base64 valide.</translation>
    </message>
    <message>
        <source>DataText must be a string.</source>
        <translation>DataText doit être une chaîne.</translation>
    </message>
    <message>
        <source>A quoted field is not closed.</source>
        <translation>Un champ entre guillemets n’est pas fermé.</translation>
    </message>
    <message>
        <source>The file is empty; expected a header row with partitionKey and data.</source>
        <translation>Le fichier est vide ; une ligne d’en-tête avec partitionKey et data était attendue.</translation>
    </message>
    <message>
        <source>Unknown column “%1”; use partitionKey, data (or dataBase64) and explicitHashKey.</source>
        <translation>Colonne inconnue « %1 » ; utilisez partitionKey, data (ou dataBase64) et explicitHashKey.</translation>
    </message>
    <message>
        <source>The header row must name partitionKey and one of data or dataBase64.</source>
        <translation>La ligne d’en-tête doit nommer partitionKey et l’un de data ou dataBase64.</translation>
    </message>
    <message>
        <source>Expected %1 fields, found %2.</source>
        <translation>%1 champs attendus, %2 trouvés.</translation>
    </message>
    <message>
        <source>dataBase64 is not valid base64.</source>
        <translation>dataBase64 n’est pas du base64 valide.</translation>
    </message>
</context>
<context>
    <name>shardscope::RecordExport</name>
    <message>
        <source>Not valid JSON at column %1: %2.</source>
        <translation>JSON non valide à la colonne %1 : %2.</translation>
    </message>
    <message>
        <source>Expected a JSON object.</source>
        <translation>Un objet JSON était attendu.</translation>
    </message>
    <message>
        <source>ShardId must be a string.</source>
        <translation>ShardId doit être une chaîne.</translation>
    </message>
    <message>
        <source>SequenceNumber must be a string.</source>
        <translation>SequenceNumber doit être une chaîne.</translation>
    </message>
    <message>
        <source>ExplicitHashKey must be a string.</source>
        <translation>ExplicitHashKey doit être une chaîne.</translation>
    </message>
    <message>
        <source>PartitionKey is missing or empty.</source>
        <translation>PartitionKey est absent ou vide.</translation>
    </message>
    <message>
        <source>ApproximateArrivalTimestamp “%1” is not an ISO 8601 date and time.</source>
        <translation>ApproximateArrivalTimestamp « %1 » n’est pas une date et heure ISO 8601.</translation>
    </message>
    <message>
        <source>ApproximateArrivalTimestamp must be a string or a number.</source>
        <translation>ApproximateArrivalTimestamp doit être une chaîne ou un nombre.</translation>
    </message>
    <message>
        <source>Data is not valid base64.</source>
        <translation>Data n’est pas du base64 valide.</translation>
    </message>
    <message>
        <source>Data and DataText disagree.</source>
        <translation>Data et DataText ne concordent pas.</translation>
    </message>
    <message>
        <source>Data must be a base64 string.</source>
        <translation>Data doit être une chaîne base64.</translation>
    </message>
    <message>
        <source>Data is missing.</source>
        <translation>Data est absent.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
</context>
<context>
    <name>shardscope::RecordFormat</name>
    <message>
        <source>1 byte</source>
        <translation>1 octet</translation>
    </message>
    <message>
        <source>%L1 bytes</source>
        <translation>%L1 octets</translation>
    </message>
    <message>
        <source>%1, %2 → %3</source>
        <translation>%1, %2 → %3</translation>
    </message>
    <message>
        <source>%1 (cut off)</source>
        <translation>%1 (tronqué)</translation>
    </message>
</context>
<context>
    <name>shardscope::RecordInspector</name>
    <message>
        <source>Show &amp;all</source>
        <translation>&amp;Tout afficher</translation>
    </message>
    <message>
        <source>Shard</source>
        <translation>Shard</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>Arrivée</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>Séquence</translation>
    </message>
    <message>
        <source>Partition key</source>
        <translation>Clé de partition</translation>
    </message>
    <message>
        <source>Hash key</source>
        <translation>Clé de hachage</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Explicit hash key</source>
        <translation>Clé de hachage explicite</translation>
    </message>
    <message>
        <source>MD5</source>
        <translation>MD5</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Base64</source>
        <translation>Base64</translation>
    </message>
    <message>
        <source>&amp;Text View</source>
        <translation>Vue &amp;texte</translation>
    </message>
    <message>
        <source>Alt+1</source>
        <translation>Alt+1</translation>
    </message>
    <message>
        <source>&amp;JSON View</source>
        <translation>Vue &amp;JSON</translation>
    </message>
    <message>
        <source>Alt+2</source>
        <translation>Alt+2</translation>
    </message>
    <message>
        <source>&amp;Hex View</source>
        <translation>Vue &amp;hexadécimale</translation>
    </message>
    <message>
        <source>Alt+3</source>
        <translation>Alt+3</translation>
    </message>
    <message>
        <source>&amp;Base64 View</source>
        <translation>Vue &amp;Base64</translation>
    </message>
    <message>
        <source>Alt+4</source>
        <translation>Alt+4</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Copy as &amp;JSON</source>
        <translation>Copier en &amp;JSON</translation>
    </message>
    <message>
        <source>Ctrl+Shift+J</source>
        <translation>Ctrl+Shift+J</translation>
    </message>
    <message>
        <source>Copy the record as a JSON object</source>
        <translation>Copier l’enregistrement sous forme d’objet JSON</translation>
    </message>
    <message>
        <source>Copy as &amp;CLI Command</source>
        <translation>Copier en commande &amp;CLI</translation>
    </message>
    <message>
        <source>Ctrl+Alt+C</source>
        <translation>Ctrl+Alt+C</translation>
    </message>
    <message>
        <source>Copy an aws kinesis put-record command that puts this record again</source>
        <translation>Copier une commande aws kinesis put-record qui réécrit cet enregistrement</translation>
    </message>
    <message>
        <source>&amp;Save to File…</source>
        <translation>&amp;Enregistrer dans un fichier…</translation>
    </message>
    <message>
        <source>Save the record&apos;s bytes, as stored, to a file</source>
        <translation>Enregistrer les octets de l’enregistrement, tels que stockés, dans un fichier</translation>
    </message>
    <message>
        <source>Show &amp;All</source>
        <translation>&amp;Tout afficher</translation>
    </message>
    <message>
        <source>Ctrl+Shift+H</source>
        <translation>Ctrl+Shift+H</translation>
    </message>
    <message>
        <source>Show the whole payload instead of its first part</source>
        <translation>Afficher toute la charge utile au lieu de son début</translation>
    </message>
    <message>
        <source>command</source>
        <translation>commande</translation>
    </message>
    <message>
        <source>%1 (explicit)</source>
        <translation>%1 (explicite)</translation>
    </message>
    <message>
        <source>%1 (MD5 of the partition key)</source>
        <translation>%1 (MD5 de la clé de partition)</translation>
    </message>
    <message>
        <source>Decoding %1…</source>
        <translation>Décodage de %1…</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>vérifié</translation>
    </message>
    <message>
        <source>mismatch</source>
        <translation>différent</translation>
    </message>
    <message>
        <source>The aggregate&apos;s MD5 trailer does not match its contents.</source>
        <translation>La somme MD5 finale de l’agrégat ne correspond pas à son contenu.</translation>
    </message>
    <message>
        <source>1 sub-record</source>
        <translation>1 sous-enregistrement</translation>
    </message>
    <message>
        <source>%L1 sub-records</source>
        <translation>%L1 sous-enregistrements</translation>
    </message>
    <message>
        <source>KPL aggregated record: %1, MD5 checked</source>
        <translation>Enregistrement agrégé KPL : %1, MD5 vérifié</translation>
    </message>
    <message>
        <source>KPL aggregated record: %1, MD5 mismatch (stored %2, computed %3)</source>
        <translation>Enregistrement agrégé KPL : %1, MD5 différent (stocké %2, calculé %3)</translation>
    </message>
    <message>
        <source>Sub-record %1, partition key “%2”</source>
        <translation>Sous-enregistrement %1, clé de partition « %2 »</translation>
    </message>
    <message>
        <source>1 byte is not UTF-8</source>
        <translation>1 octet n’est pas de l’UTF-8</translation>
    </message>
    <message>
        <source>%L1 bytes are not UTF-8</source>
        <translation>%L1 octets ne sont pas de l’UTF-8</translation>
    </message>
    <message>
        <source>Large payload: showing the first %1 of %2.</source>
        <translation>Charge utile volumineuse : affichage des premiers %1 sur %2.</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 as text; the hex dump and the tree have all of it, and Save to File writes every byte.</source>
        <translation>Affichage des premiers %1 sur %2 en texte ; la vue hexadécimale et l’arbre contiennent tout, et « Enregistrer dans un fichier » écrit chaque octet.</translation>
    </message>
    <message>
        <source>The document is too large to format; see the tree, the text or the hex dump.</source>
        <translation>Le document est trop volumineux pour être mis en forme ; voir l’arbre, le texte ou la vue hexadécimale.</translation>
    </message>
    <message>
        <source>Copied the record as %1.</source>
        <translation>Enregistrement copié en %1.</translation>
    </message>
    <message>
        <source>Could not save to %1: %2</source>
        <translation>Impossible d’enregistrer dans %1 : %2</translation>
    </message>
    <message>
        <source>Save Record Payload</source>
        <translation>Enregistrer la charge utile</translation>
    </message>
    <message>
        <source>No record selected: click a row above to see its payload here.</source>
        <translation>Aucun enregistrement sélectionné : cliquez sur une ligne ci-dessus pour voir son contenu ici.</translation>
    </message>
</context>
<context>
    <name>shardscope::RecordReplayer</name>
    <message>
        <source>The connection is closed.</source>
        <translation>La connexion est fermée.</translation>
    </message>
    <message>
        <source>%1 is a read-only connection: records cannot be put into it.</source>
        <translation>%1 est une connexion en lecture seule : impossible d’y écrire des enregistrements.</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>La connexion a été fermée.</translation>
    </message>
    <message>
        <source>The response had no result for this record.</source>
        <translation>La réponse ne contenait aucun résultat pour cet enregistrement.</translation>
    </message>
</context>
<context>
    <name>shardscope::RecordSourceBox</name>
    <message>
        <source>Records from %1</source>
        <translation>Enregistrements de %1</translation>
    </message>
    <message>
        <source>&amp;Time range:</source>
        <translation>Plage de &amp;temps :</translation>
    </message>
    <message>
        <source>Se&amp;quence range:</source>
        <translation>Plage de sé&amp;quences :</translation>
    </message>
    <message>
        <source>first record</source>
        <translation>premier enregistrement</translation>
    </message>
    <message>
        <source>last record</source>
        <translation>dernier enregistrement</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>&amp;These %1</source>
        <translation>&amp;Ces %1</translation>
    </message>
</context>
<context>
    <name>shardscope::RecordTemplate</name>
    <message>
        <source>{{counter:N}} needs a whole number to start at.</source>
        <translation>{{counter:N}} demande un nombre entier de départ.</translation>
    </message>
    <message>
        <source>{{uuid}} takes no arguments.</source>
        <translation>{{uuid}} ne prend pas d’arguments.</translation>
    </message>
    <message>
        <source>Use {{timestamp}}, {{timestamp:epoch}} or {{timestamp:epochms}}.</source>
        <translation>Utilisez {{timestamp}}, {{timestamp:epoch}} ou {{timestamp:epochms}}.</translation>
    </message>
    <message>
        <source>{{choice:a|b|c}} needs at least one alternative.</source>
        <translation>{{choice:a|b|c}} demande au moins une alternative.</translation>
    </message>
    <message>
        <source>Use {{random:int:MIN:MAX}} with whole numbers.</source>
        <translation>Utilisez {{random:int:MIN:MAX}} avec des nombres entiers.</translation>
    </message>
    <message>
        <source>The minimum %1 is greater than the maximum %2.</source>
        <translation>Le minimum %1 est supérieur au maximum %2.</translation>
    </message>
    <message>
        <source>Use {{random:float:MIN:MAX}} with numbers.</source>
        <translation>Utilisez {{random:float:MIN:MAX}} avec des nombres.</translation>
    </message>
    <message>
        <source>Use {{random:hex:N}} with N from 1 to 1024.</source>
        <translation>Utilisez {{random:hex:N}} avec N de 1 à 1024.</translation>
    </message>
    <message>
        <source>Use {{random:int:MIN:MAX}}, {{random:float:MIN:MAX}} or {{random:hex:N}}.</source>
        <translation>Utilisez {{random:int:MIN:MAX}}, {{random:float:MIN:MAX}} ou {{random:hex:N}}.</translation>
    </message>
    <message>
        <source>Unknown placeholder “{{%1}}”; use counter, random, uuid, timestamp or choice.</source>
        <translation>Espace réservé inconnu « {{%1}} » ; utilisez counter, random, uuid, timestamp ou choice.</translation>
    </message>
    <message>
        <source>“{{” is not closed with “}}”.</source>
        <translation>« {{ » n’est pas fermé par « }} ».</translation>
    </message>
</context>
<context>
    <name>shardscope::RecordsModel</name>
    <message>
        <source>Shard</source>
        <translation>Shard</translation>
    </message>
    <message>
        <source>Sequence number</source>
        <translation>Numéro de séquence</translation>
    </message>
    <message>
        <source>Arrival time (UTC)</source>
        <translation>Heure d’arrivée (UTC)</translation>
    </message>
    <message>
        <source>Partition key</source>
        <translation>Clé de partition</translation>
    </message>
    <message>
        <source>Explicit hash key</source>
        <translation>Clé de hachage explicite</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>(payload unavailable: %1)</source>
        <translation>(données utiles indisponibles : %1)</translation>
    </message>
    <message>
        <source>The payload could not be loaded.</source>
        <translation>Les données utiles n’ont pas pu être chargées.</translation>
    </message>
</context>
<context>
    <name>shardscope::RecordReader</name>
    <message>
        <source>Enter a sequence number (decimal digits).</source>
        <translation>Saisissez un numéro de séquence (chiffres décimaux).</translation>
    </message>
    <message>
        <source>Choose the shard this sequence number belongs to.</source>
        <translation>Choisissez le shard auquel appartient ce numéro de séquence.</translation>
    </message>
</context>
<context>
    <name>shardscope::FanOutReader</name>
    <message>
        <source>There is no connection to read from.</source>
        <translation>Aucune connexion depuis laquelle lire.</translation>
    </message>
    <message>
        <source>Choose a consumer to read through.</source>
        <translation>Choisissez un consommateur par lequel lire.</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>La connexion a été fermée.</translation>
    </message>
    <message>
        <source>Shard %1 does not exist in stream %2.</source>
        <translation>Le shard %1 n’existe pas dans le flux %2.</translation>
    </message>
    <message>
        <source>%1 is still held by another subscription of this consumer; subscribing again in %2 s (%3)</source>
        <translation>%1 est encore tenu par un autre abonnement de ce consommateur ; nouvel abonnement dans %2 s (%3)</translation>
    </message>
    <message>
        <source>Reading %1 failed, retrying: %2</source>
        <translation>La lecture de %1 a échoué, nouvelle tentative : %2</translation>
    </message>
    <message>
        <source>Stopped reading %1: %2</source>
        <translation>Lecture de %1 arrêtée : %2</translation>
    </message>
</context>
<context>
    <name>shardscope::ReaderChoice</name>
    <message>
        <source>Read &amp;with</source>
        <translation>&amp;Lire avec</translation>
    </message>
    <message>
        <source>Register &amp;Consumer to Read With…</source>
        <translation>Enregistrer un &amp;consommateur pour lire…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+K</source>
        <translation>Ctrl+Shift+K</translation>
    </message>
    <message>
        <source>Register an enhanced fan-out consumer of this stream to read it through</source>
        <translation>Enregistrer un consommateur enhanced fan-out de ce flux pour lire par lui</translation>
    </message>
    <message>
        <source>%1 cannot subscribe to shards: only polling reads records here.</source>
        <translation>%1 ne peut pas s’abonner aux shards : seule l’interrogation lit les enregistrements ici.</translation>
    </message>
    <message>
        <source>The consumers could not be listed: %1</source>
        <translation>Les consommateurs n’ont pas pu être listés : %1</translation>
    </message>
    <message>
        <source>Polling (GetRecords)</source>
        <translation>Interrogation (GetRecords)</translation>
    </message>
    <message>
        <source>Ask every shard for records with GetRecords, sharing its read quota (5 calls and 2 MiB per second) with the stream&apos;s other readers</source>
        <translation>Demander les enregistrements de chaque shard avec GetRecords, en partageant son quota de lecture (5 appels et 2 Mio par seconde) avec les autres lecteurs du flux</translation>
    </message>
    <message>
        <source>Consumer %1 (enhanced fan-out)</source>
        <translation>Consommateur %1 (enhanced fan-out)</translation>
    </message>
    <message>
        <source>Consumer %1 (%2)</source>
        <translation>Consommateur %1 (%2)</translation>
    </message>
    <message>
        <source>Records are pushed through this consumer (SubscribeToShard), 2 MiB/s per shard of its own</source>
        <translation>Les enregistrements sont poussés par ce consommateur (SubscribeToShard), avec ses propres 2 Mio/s par shard</translation>
    </message>
    <message>
        <source>Only an ACTIVE consumer can be read through</source>
        <translation>Seul un consommateur ACTIVE permet de lire</translation>
    </message>
    <message>
        <source>Register a consumer…</source>
        <translation>Enregistrer un consommateur…</translation>
    </message>
    <message>
        <source>How records are read: polling with GetRecords, or pushed through an enhanced fan-out consumer</source>
        <translation>Comment les enregistrements sont lus : par interrogation avec GetRecords, ou poussés par un consommateur enhanced fan-out</translation>
    </message>
    <message>
        <source>Waiting until consumer %1 is ACTIVE (it is %2)…</source>
        <translation>Attente de l’état ACTIVE du consommateur %1 (il est %2)…</translation>
    </message>
    <message>
        <source>Consumer %1 is ACTIVE and chosen for the next read: stop (Shift+F8) and read again (F8) to read through it.</source>
        <translation>Le consommateur %1 est ACTIVE et choisi pour la prochaine lecture : arrêtez (Maj+F8) puis relancez la lecture (F8) pour lire par lui.</translation>
    </message>
</context>
<context>
    <name>shardscope::ShardLagLine</name>
    <message>
        <source>shard %1</source>
        <translation>shard %1</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>subscribing…</source>
        <translation>abonnement…</translation>
    </message>
    <message>
        <source>Behind the newest record: listing shards…</source>
        <translation>Retard sur l’enregistrement le plus récent : liste des shards…</translation>
    </message>
    <message>
        <source>Behind the newest record: %1</source>
        <translation>Retard sur l’enregistrement le plus récent : %1</translation>
    </message>
    <message>
        <source>MillisBehindLatest of each shard&apos;s last event: how far the consumer&apos;s read is behind the newest record in the shard</source>
        <translation>MillisBehindLatest du dernier événement de chaque shard : le retard de la lecture du consommateur sur l’enregistrement le plus récent du shard</translation>
    </message>
</context>
<context>
    <name>shardscope::RecordsPage</name>
    <message>
        <source>Records</source>
        <translation>Enregistrements</translation>
    </message>
    <message>
        <source>Start at</source>
        <translation>Commencer à</translation>
    </message>
    <message>
        <source>Trim horizon</source>
        <translation>Trim horizon (le plus ancien)</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Plus récent</translation>
    </message>
    <message>
        <source>At timestamp</source>
        <translation>À l&apos;horodatage</translation>
    </message>
    <message>
        <source>At sequence number</source>
        <translation>Au numéro de séquence</translation>
    </message>
    <message>
        <source>After sequence number</source>
        <translation>Après le numéro de séquence</translation>
    </message>
    <message>
        <source>Where each shard is read from</source>
        <translation>Où la lecture de chaque shard commence</translation>
    </message>
    <message>
        <source>Read the records that arrived at or after this time</source>
        <translation>Lire les enregistrements arrivés à cette heure ou après</translation>
    </message>
    <message>
        <source>Sequence number</source>
        <translation>Numéro de séquence</translation>
    </message>
    <message>
        <source>Shard</source>
        <translation>Shard</translation>
    </message>
    <message>
        <source>All shards</source>
        <translation>Tous les shards</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <source>F8</source>
        <translation>F8</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>Arrê&amp;ter</translation>
    </message>
    <message>
        <source>Shift+F8</source>
        <translation>Shift+F8</translation>
    </message>
    <message>
        <source>Stop reading (Shift+F8)</source>
        <translation>Arrêter la lecture (Maj+F8)</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Vider</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Forget the records read so far (Ctrl+L)</source>
        <translation>Oublier les enregistrements lus jusqu&apos;ici (Ctrl+L)</translation>
    </message>
    <message>
        <source>Reading stopped: %1</source>
        <translation>Lecture arrêtée : %1</translation>
    </message>
    <message>
        <source>Filter, e.g. pk == &quot;user-42&quot; &amp;&amp; data.status == &quot;error&quot; &amp;&amp; size &gt; 1k</source>
        <translation>Filtre, p. ex. pk == &quot;user-42&quot; &amp;&amp; data.status == &quot;error&quot; &amp;&amp; size &gt; 1k</translation>
    </message>
    <message>
        <source>Fields: %1. Ctrl+Space completes; Return applies.</source>
        <translation>Champs : %1. Ctrl+Espace complète ; Entrée applique.</translation>
    </message>
    <message>
        <source>&amp;Filter Records</source>
        <translation>&amp;Filtrer les enregistrements</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>Ctrl+Space</source>
        <translation>Ctrl+Space</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Run the filter over every record read so far (Return)</source>
        <translation>Appliquer le filtre à tous les enregistrements lus jusqu&apos;ici (Entrée)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop the scan; the matches found so far stay</source>
        <translation>Arrêter l&apos;analyse ; les correspondances trouvées restent</translation>
    </message>
    <message>
        <source>Show All</source>
        <translation>Tout afficher</translation>
    </message>
    <message>
        <source>Show every record again</source>
        <translation>Afficher de nouveau tous les enregistrements</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Enregistrer…</translation>
    </message>
    <message>
        <source>Keep this filter under a name</source>
        <translation>Conserver ce filtre sous un nom</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Forget the chosen saved filter</source>
        <translation>Oublier le filtre enregistré choisi</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>Filtres enregistrés</translation>
    </message>
    <message>
        <source>Save Filter</source>
        <translation>Enregistrer le filtre</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Choose a stream first.</source>
        <translation>Choisissez d&apos;abord un flux.</translation>
    </message>
    <message>
        <source>The time is in the future.</source>
        <translation>L&apos;heure est dans le futur.</translation>
    </message>
    <message>
        <source>Enter a sequence number.</source>
        <translation>Saisissez un numéro de séquence.</translation>
    </message>
    <message>
        <source>Scanned %1 / matched %2</source>
        <translation>Analysés %1 / correspondances %2</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> sur %1</translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation> (annulé)</translation>
    </message>
    <message>
        <source> · %1 new</source>
        <translation> · %1 nouveaux</translation>
    </message>
    <message>
        <source>%1 (column %2)</source>
        <translation>%1 (colonne %2)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Stop asking for records for now (F8)</source>
        <translation>Ne plus demander d&apos;enregistrements pour le moment (F8)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <source>Continue where reading paused (F8)</source>
        <translation>Reprendre la lecture là où elle a été mise en pause (F8)</translation>
    </message>
    <message>
        <source>Read the stream from the chosen position (F8)</source>
        <translation>Lire le flux à partir de la position choisie (F8)</translation>
    </message>
    <message>
        <source>1 record</source>
        <translation>1 enregistrement</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 enregistrements</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>reading 1 shard</source>
        <translation>lecture de 1 shard</translation>
    </message>
    <message>
        <source>reading %1 shards</source>
        <translation>lecture de %1 shards</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>showing the newest %1</source>
        <translation>affichage des %1 plus récents</translation>
    </message>
    <message>
        <source>Throttled: 1 shard</source>
        <translation>Limité : 1 shard</translation>
    </message>
    <message>
        <source>Throttled: %1 shards</source>
        <translation>Limité : %1 shards</translation>
    </message>
    <message>
        <source>Kinesis refused reads (ProvisionedThroughputExceeded); backing off</source>
        <translation>Kinesis a refusé des lectures (ProvisionedThroughputExceeded) ; ralentissement</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Récents</translation>
    </message>
    <message>
        <source>last </source>
        <translation>derniers </translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Read the records that arrived in the last this many minutes, then new ones</source>
        <translation>Lire les enregistrements arrivés pendant ces dernières minutes, puis les nouveaux</translation>
    </message>
    <message>
        <source>Type a filter for the records read</source>
        <translation>Saisir un filtre pour les enregistrements lus</translation>
    </message>
    <message>
        <source>&amp;Complete Filter</source>
        <translation>&amp;Compléter le filtre</translation>
    </message>
    <message>
        <source>List the fields and JSON paths that fit at the cursor in the records filter</source>
        <translation>Lister les champs et chemins JSON possibles au curseur dans le filtre des enregistrements</translation>
    </message>
    <message>
        <source>F&amp;ilter</source>
        <translation>Fil&amp;tre</translation>
    </message>
    <message>
        <source>the last minute</source>
        <translation>la dernière minute</translation>
    </message>
    <message>
        <source>the last %1 minutes</source>
        <translation>les %1 dernières minutes</translation>
    </message>
    <message>
        <source>the trim horizon (the oldest record kept)</source>
        <translation>le trim horizon (le plus ancien enregistrement conservé)</translation>
    </message>
    <message>
        <source>the latest record</source>
        <translation>le dernier enregistrement</translation>
    </message>
    <message>
        <source>sequence number %1</source>
        <translation>le numéro de séquence %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>&lt;p&gt;Not reading %1.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;start&quot;&gt;Start reading&lt;/a&gt; (%2) from %3.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 n’est pas lu.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;start&quot;&gt;Commencer la lecture&lt;/a&gt; (%2) à partir de : %3.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No record matches the filter yet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Aucun enregistrement ne correspond encore au filtre.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Reading %1 from the latest record.&lt;/p&gt;&lt;p&gt;Records appear here as they are put.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Lecture de %1 à partir du dernier enregistrement.&lt;/p&gt;&lt;p&gt;Les enregistrements apparaissent ici dès qu’ils sont écrits.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Reading %1 from %2: no records there yet.&lt;/p&gt;&lt;p&gt;New records appear here as they are put.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Lecture de %1 à partir de : %2 — aucun enregistrement pour l’instant.&lt;/p&gt;&lt;p&gt;Les nouveaux enregistrements apparaissent ici dès qu’ils sont écrits.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Paused. &lt;a href=&quot;start&quot;&gt;Resume&lt;/a&gt; (%1)&lt;/p&gt;</source>
        <translation>&lt;p&gt;En pause. &lt;a href=&quot;start&quot;&gt;Reprendre&lt;/a&gt; (%1)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>pushed through consumer %1</source>
        <translation>poussés par le consommateur %1</translation>
    </message>
</context>
<context>
    <name>shardscope::ReplayDialog</name>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Replay Records — %1</source>
        <translation>Rejouer des enregistrements — %1</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1 (lecture seule)</translation>
    </message>
    <message>
        <source>%1 is read-only: records cannot be put into it.</source>
        <translation>%1 est en lecture seule : impossible d’y écrire des enregistrements.</translation>
    </message>
    <message>
        <source> records/s</source>
        <translation> enregistrements/s</translation>
    </message>
    <message>
        <source>As fast as allowed</source>
        <translation>Aussi vite que permis</translation>
    </message>
    <message>
        <source>Put them into</source>
        <translation>Les écrire dans</translation>
    </message>
    <message>
        <source>C&amp;onnection:</source>
        <translation>C&amp;onnexion :</translation>
    </message>
    <message>
        <source>St&amp;ream:</source>
        <translation>&amp;Flux :</translation>
    </message>
    <message>
        <source>R&amp;ate:</source>
        <translation>Déb&amp;it :</translation>
    </message>
    <message>
        <source>Stop sending; the records already put stay (Ctrl+.).</source>
        <translation>Arrêter l’envoi ; les enregistrements déjà écrits restent (Ctrl+.).</translation>
    </message>
    <message>
        <source>Reading the range: %1 so far, %2 of %3 done</source>
        <translation>Lecture de la plage : %1 jusqu’ici, %2 sur %3 terminés</translation>
    </message>
    <message>
        <source>No records in that range.</source>
        <translation>Aucun enregistrement dans cette plage.</translation>
    </message>
    <message>
        <source>There is no connection to put records into.</source>
        <translation>Aucune connexion où écrire des enregistrements.</translation>
    </message>
    <message>
        <source>Every connection is read-only.</source>
        <translation>Toutes les connexions sont en lecture seule.</translation>
    </message>
    <message>
        <source>Listing streams…</source>
        <translation>Liste des flux…</translation>
    </message>
    <message>
        <source>This connection has no streams.</source>
        <translation>Cette connexion n’a aucun flux.</translation>
    </message>
    <message>
        <source>Reading the range…</source>
        <translation>Lecture de la plage…</translation>
    </message>
    <message>
        <source>Stopped. %1</source>
        <translation>Arrêté. %1</translation>
    </message>
    <message>
        <source>Done. %1</source>
        <translation>Terminé. %1</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Arrêté.</translation>
    </message>
</context>
<context>
    <name>shardscope::ReplayFailuresTable</name>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>Code d’erreur</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>n° %1</translation>
    </message>
    <message>
        <source>#%1 · %2</source>
        <translation>n° %1 · %2</translation>
    </message>
    <message>
        <source>%1, sequence number %2</source>
        <translation>%1, numéro de séquence %2</translation>
    </message>
    <message>
        <source>Sent %1 of %2 · %3 succeeded · %4 failed · %5 retried</source>
        <translation>%1 sur %2 envoyés · %3 réussis · %4 en échec · %5 réessayés</translation>
    </message>
</context>
<context>
    <name>shardscope::ResourcePolicyDialog</name>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>&amp;Delete Policy</source>
        <translation>&amp;Supprimer la politique</translation>
    </message>
    <message>
        <source>Insert &amp;Template</source>
        <translation>Insérer un &amp;modèle</translation>
    </message>
    <message>
        <source>Resource Policy — %1</source>
        <translation>Politique de ressource — %1</translation>
    </message>
    <message>
        <source>No policy. Type one as JSON or insert the template.</source>
        <translation>Aucune politique. Saisissez-en une en JSON ou insérez le modèle.</translation>
    </message>
    <message>
        <source>&amp;Policy (JSON):</source>
        <translation>&amp;Politique (JSON) :</translation>
    </message>
    <message>
        <source>Current:</source>
        <translation>Actuelle :</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Type a policy, or use Delete Policy to remove the current one.</source>
        <translation>Saisissez une politique, ou retirez l’actuelle avec « Supprimer la politique ».</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Ligne %1, colonne %2 : %3</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnue</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>La connexion est fermée.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>1 statement</source>
        <translation>1 instruction</translation>
    </message>
    <message>
        <source>%L1 statements</source>
        <translation>%L1 instructions</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
<context>
    <name>shardscope::RetentionDialog</name>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Retention Period — %1</source>
        <translation>Durée de rétention — %1</translation>
    </message>
    <message>
        <source>&amp;Retention period:</source>
        <translation>Durée de &amp;rétention&#xa0;:</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>heures</translation>
    </message>
    <message>
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message>
        <source>Edit the period in hours or in days</source>
        <translation>Modifier la durée en heures ou en jours</translation>
    </message>
    <message>
        <source>Current:</source>
        <translation>Valeur actuelle&#xa0;:</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnue</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>La connexion est fermée.</translation>
    </message>
    <message>
        <source>= %L1 hours</source>
        <translation>= %L1 heures</translation>
    </message>
    <message>
        <source>= 1 day</source>
        <translation>= 1 jour</translation>
    </message>
    <message>
        <source>= %L1 days</source>
        <translation>= %L1 jours</translation>
    </message>
    <message>
        <source>= %1 days</source>
        <translation>= %1 jours</translation>
    </message>
    <message>
        <source>%1 is too short: the minimum is %2.</source>
        <translation>Durée trop courte (%1)&#xa0;: le minimum est de %2.</translation>
    </message>
    <message>
        <source>%1 is too long: the maximum is %2.</source>
        <translation>Durée trop longue (%1)&#xa0;: le maximum est de %2.</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Appliquer</translation>
    </message>
    <message>
        <source>Records will be kept for %1. Records already trimmed do not come back.</source>
        <translation>Les enregistrements seront conservés pendant %1. Les enregistrements déjà supprimés ne seront pas restaurés.</translation>
    </message>
    <message>
        <source>&amp;Increase</source>
        <translation>&amp;Augmenter</translation>
    </message>
    <message>
        <source>This is the current retention period.</source>
        <translation>C&apos;est la durée de rétention actuelle.</translation>
    </message>
    <message>
        <source>&amp;Decrease</source>
        <translation>&amp;Diminuer</translation>
    </message>
    <message>
        <source>Counting the records older than %1…</source>
        <translation>Comptage des enregistrements de plus de %1…</translation>
    </message>
    <message>
        <source>%1 will no longer be readable.</source>
        <translation>Ne seront plus lisibles&#xa0;: %1.</translation>
    </message>
    <message>
        <source>&amp;Decrease and drop %1</source>
        <translation>&amp;Diminuer et supprimer %1</translation>
    </message>
    <message>
        <source>No record is older than %1: nothing will be dropped.</source>
        <translation>Aucun enregistrement n&apos;a plus de %1&#xa0;: rien ne sera supprimé.</translation>
    </message>
    <message>
        <source>This connection cannot count the records that would be dropped. Every record older than %1 will no longer be readable.</source>
        <translation>Cette connexion ne peut pas compter les enregistrements qui seraient supprimés. Tous les enregistrements de plus de %1 ne seront plus lisibles.</translation>
    </message>
    <message>
        <source>The records that would be dropped could not be counted. Every record older than %1 will no longer be readable.</source>
        <translation>Les enregistrements qui seraient supprimés n&apos;ont pas pu être comptés. Tous les enregistrements de plus de %1 ne seront plus lisibles.</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Application…</translation>
    </message>
    <message>
        <source>I &amp;understand that records older than %1 will be dropped</source>
        <translation>Je &amp;comprends que les enregistrements de plus de %1 seront supprimés</translation>
    </message>
</context>
<context>
    <name>shardscope::SettingsDialog</name>
    <message>
        <source>Trickle sample events into the &amp;demo stream</source>
        <translation>Injecter des événements d&apos;exemple dans le flux de &amp;démo</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>The new language is used when Shardscope starts next time.</source>
        <translation>La nouvelle langue sera utilisée au prochain démarrage de Shardscope.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
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
        <source>A&amp;ppearance:</source>
        <translation>A&amp;pparence&#xa0;:</translation>
    </message>
</context>
<context>
    <name>shardscope::ShardBarChart</name>
    <message>
        <source>Records/s</source>
        <translation>Enregistrements/s</translation>
    </message>
    <message>
        <source>Bytes/s</source>
        <translation>Octets/s</translation>
    </message>
    <message>
        <source>Shard</source>
        <translation>Shard</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Afficher :</translation>
    </message>
    <message>
        <source>records/s</source>
        <translation>enregistrements/s</translation>
    </message>
    <message>
        <source>KiB/s</source>
        <translation>Kio/s</translation>
    </message>
    <message>
        <source>%1
%2 records/s (%3 % of the limit)
%4 bytes/s (%5 % of the limit)</source>
        <translation>%1
%2 enregistrements/s (%3 % de la limite)
%4 octets/s (%5 % de la limite)</translation>
    </message>
    <message>
        <source>%1
%2 records/s (%3 % of the limit)</source>
        <translation>%1
%2 enregistrements/s (%3 % de la limite)</translation>
    </message>
    <message>
        <source>Under 95 %</source>
        <translation>Sous 95 %</translation>
    </message>
    <message>
        <source>Hot</source>
        <translation>Chaud</translation>
    </message>
    <message>
        <source>Limit: %L1/s</source>
        <translation>Limite&#xa0;: %L1/s</translation>
    </message>
    <message>
        <source>Limit: 1 MiB/s</source>
        <translation>Limite&#xa0;: 1 Mio/s</translation>
    </message>
</context>
<context>
    <name>shardscope::ShardMapWidget</name>
    <message>
        <source>Shard map</source>
        <translation>Carte des shards</translation>
    </message>
    <message>
        <source>No shards to show</source>
        <translation>Aucun shard à afficher</translation>
    </message>
    <message>
        <source>%1–%2 %</source>
        <translation>%1–%2&#xa0;%</translation>
    </message>
    <message>
        <source>%1 % of limit</source>
        <translation>%1&#xa0;% de la limite</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>Zoom ×%1 — wheel or +/− to zoom, drag to pan, 0 to reset</source>
        <translation>Zoom ×%1 — molette ou +/− pour zoomer, glisser pour déplacer, 0 pour revenir</translation>
    </message>
    <message>
        <source>Position in the hash-key space (0 to 2¹²⁸) — wheel or +/− to zoom</source>
        <translation>Position dans l’espace des clés de hachage (0 à 2¹²⁸) — molette ou +/− pour zoomer</translation>
    </message>
    <message>
        <source>Write use vs. the shard limit (records/s or bytes/s, whichever is higher):</source>
        <translation>Écritures par rapport à la limite du shard (enregistrements/s ou octets/s, le plus élevé) :</translation>
    </message>
    <message>
        <source>Write use vs. the shard limit:</source>
        <translation>Écritures par rapport à la limite du shard :</translation>
    </message>
    <message>
        <source>0 %</source>
        <translation>0&#xa0;%</translation>
    </message>
    <message>
        <source>≥ 100 %</source>
        <translation>≥ 100&#xa0;%</translation>
    </message>
    <message>
        <source>%1 (%2, generation %3)
Hash keys %4 – %5
%6–%7 % of the key space</source>
        <translation>%1 (%2, génération %3)
Clés de hachage %4 – %5
%6–%7&#xa0;% de l’espace des clés</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ouvert</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>fermé</translation>
    </message>
    <message>
        <source>Write use: %1 % of the shard&apos;s limit</source>
        <translation>Écritures : %1&#xa0;% de la limite du shard</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 enregistrements</translation>
    </message>
</context>
<context>
    <name>shardscope::ShardLineageWidget</name>
    <message>
        <source>Shard lineage</source>
        <translation>Lignée des shards</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ouvert</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>fermé</translation>
    </message>
    <message>
        <source>closed, no longer listed</source>
        <translation>fermé, plus listé</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Créé : %1</translation>
    </message>
    <message>
        <source>Created: not known (the shard is no longer listed)</source>
        <translation>Créé : inconnu (le shard n’est plus listé)</translation>
    </message>
    <message>
        <source>Closed: %1</source>
        <translation>Fermé : %1</translation>
    </message>
    <message>
        <source>Generation %1; times unknown (the sequence numbers do not carry them)</source>
        <translation>Génération %1 ; heures inconnues (les numéros de séquence n’en portent pas)</translation>
    </message>
    <message>
        <source>Hash keys: %1 – %2</source>
        <translation>Clés de hachage : %1 – %2</translation>
    </message>
    <message>
        <source>Sequence numbers: %1 – %2</source>
        <translation>Numéros de séquence : %1 – %2</translation>
    </message>
    <message>
        <source>(open)</source>
        <translation>(ouvert)</translation>
    </message>
    <message>
        <source>Holds %1 records, %2</source>
        <translation>Contient %1 enregistrements, %2</translation>
    </message>
    <message>
        <source>Parents: %1</source>
        <translation>Parents : %1</translation>
    </message>
    <message>
        <source>Children: %1</source>
        <translation>Enfants : %1</translation>
    </message>
    <message>
        <source>Past the retention period: its records have expired.</source>
        <translation>Au-delà de la durée de rétention : ses enregistrements ont expiré.</translation>
    </message>
    <message>
        <source>No shards to show.</source>
        <translation>Aucun shard à afficher.</translation>
    </message>
    <message>
        <source> · %1 records · %2</source>
        <translation> · %1 enregistrements · %2</translation>
    </message>
    <message>
        <source> · past retention</source>
        <translation> · rétention dépassée</translation>
    </message>
    <message>
        <source>gen %1</source>
        <translation>gén. %1</translation>
    </message>
    <message>
        <source>Times unknown: the sequence numbers carry none; shards ordered by generation</source>
        <translation>Heures inconnues : les numéros de séquence n’en portent pas ; shards classés par génération</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Fermé</translation>
    </message>
    <message>
        <source>Past retention (no records)</source>
        <translation>Rétention dépassée (aucun enregistrement)</translation>
    </message>
    <message>
        <source>Zoom ×%1 — Ctrl+wheel or +/− to zoom, drag to pan, 0 to reset</source>
        <translation>Zoom ×%1 — Ctrl+molette ou +/− pour zoomer, glisser pour déplacer, 0 pour réinitialiser</translation>
    </message>
    <message>
        <source>Click a shard to select it, double-click to show its records</source>
        <translation>Cliquez sur un shard pour le sélectionner, double-cliquez pour afficher ses enregistrements</translation>
    </message>
</context>
<context>
    <name>shardscope::ShardMapLab</name>
    <message>
        <source>Mi&amp;dpoint</source>
        <translation>&amp;Point médian</translation>
    </message>
    <message>
        <source>At the &amp;key&apos;s hash</source>
        <translation>&amp;Sur le hachage de la clé</translation>
    </message>
    <message>
        <source>Conf&amp;irm</source>
        <translation>C&amp;onfirmer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Partition key</source>
        <translation>Clé de partition</translation>
    </message>
    <message>
        <source>or an explicit hash key (decimal)</source>
        <translation>ou une clé de hachage explicite (décimale)</translation>
    </message>
    <message>
        <source>Send the previewed reshard (Ctrl+Return)</source>
        <translation>Envoyer le resharding prévisualisé (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Close the preview (Esc)</source>
        <translation>Fermer l’aperçu (Échap)</translation>
    </message>
    <message>
        <source>Partition-key calculator</source>
        <translation>Calculatrice de clé de partition</translation>
    </message>
    <message>
        <source>Reshard</source>
        <translation>Resharding</translation>
    </message>
    <message>
        <source>Split…</source>
        <translation>Diviser…</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Fusionner…</translation>
    </message>
    <message>
        <source>Scale…</source>
        <translation>Redimensionner…</translation>
    </message>
    <message>
        <source>Preview a split of the selected shard: drag the split point or type a key (Ctrl+Alt+B)</source>
        <translation>Aperçu de la division du shard sélectionné : faites glisser le point de division ou saisissez une clé (Ctrl+Alt+B)</translation>
    </message>
    <message>
        <source>Preview merging the selected shard with the one picked by Shift+click (Ctrl+Alt+F)</source>
        <translation>Aperçu de la fusion du shard sélectionné avec celui choisi par Maj+clic (Ctrl+Alt+F)</translation>
    </message>
    <message>
        <source>Preview UpdateShardCount to the target count (Ctrl+Alt+Q)</source>
        <translation>Aperçu d’UpdateShardCount vers le nombre cible (Ctrl+Alt+Q)</translation>
    </message>
    <message>
        <source>Exact starting hash key of the upper half</source>
        <translation>Clé de hachage exacte du début de la moitié haute</translation>
    </message>
    <message>
        <source>Sp&amp;lit at:</source>
        <translation>Point de &amp;division :</translation>
    </message>
    <message>
        <source>&amp;Target shards:</source>
        <translation>Nom&amp;bre de shards cible :</translation>
    </message>
    <message>
        <source>Click an open shard on the band (or in the table) to split or merge it.</source>
        <translation>Cliquez sur un shard ouvert dans la bande (ou dans le tableau) pour le diviser ou le fusionner.</translation>
    </message>
    <message>
        <source>Select a stream to reshard it.</source>
        <translation>Sélectionnez un flux pour le resharder.</translation>
    </message>
    <message>
        <source>This connection is read-only: splitting, merging and scaling are off.</source>
        <translation>Cette connexion est en lecture seule : division, fusion et redimensionnement sont désactivés.</translation>
    </message>
    <message>
        <source>Not a hash key: type a decimal number from 0 to 2¹²⁸ − 1 without leading zeros.</source>
        <translation>Pas une clé de hachage : saisissez un nombre décimal de 0 à 2¹²⁸ − 1 sans zéros en tête.</translation>
    </message>
    <message>
        <source>Explicit hash key (overrides the partition key)</source>
        <translation>Clé de hachage explicite (remplace la clé de partition)</translation>
    </message>
    <message>
        <source>Kinesis accepts partition keys of at most 256 characters.</source>
        <translation>Kinesis accepte des clés de partition de 256 caractères au plus.</translation>
    </message>
    <message>
        <source>MD5: %1</source>
        <translation>MD5 : %1</translation>
    </message>
    <message>
        <source>Hash key: %1</source>
        <translation>Clé de hachage : %1</translation>
    </message>
    <message>
        <source>Position: %1 % of the key space</source>
        <translation>Position : %1&#xa0;% de l’espace des clés</translation>
    </message>
    <message>
        <source>Shard: %1</source>
        <translation>Shard : %1</translation>
    </message>
    <message>
        <source>Shard: none open holds this key right now</source>
        <translation>Shard : aucun shard ouvert ne contient cette clé pour l’instant</translation>
    </message>
    <message>
        <source>Type a partition key to see its MD5, its hash key and the shard it lands on.</source>
        <translation>Saisissez une clé de partition pour voir son MD5, sa clé de hachage et le shard où elle arrive.</translation>
    </message>
    <message>
        <source>Type the starting hash key of the upper half as a decimal number, or drag the split point on the band.</source>
        <translation>Saisissez la clé de hachage de début de la moitié haute en décimal, ou faites glisser le point de division sur la bande.</translation>
    </message>
    <message>
        <source>Split %1 at %2 into:</source>
        <translation>Diviser %1 à %2 en :</translation>
    </message>
    <message>
        <source>• lower: %1 – %2 (%3 % of the shard)</source>
        <translation>• bas : %1 – %2 (%3&#xa0;% du shard)</translation>
    </message>
    <message>
        <source>• upper: %1 – %2 (%3 % of the shard)</source>
        <translation>• haut : %1 – %2 (%3&#xa0;% du shard)</translation>
    </message>
    <message>
        <source>Reading the last minute&apos;s records of %1 to see how they would divide…</source>
        <translation>Lecture des enregistrements de la dernière minute de %1 pour voir leur répartition…</translation>
    </message>
    <message>
        <source>How the last minute&apos;s records would divide is unknown: %1</source>
        <translation>La répartition des enregistrements de la dernière minute est inconnue : %1</translation>
    </message>
    <message>
        <source>No records in the last minute: no traffic to divide.</source>
        <translation>Aucun enregistrement dans la dernière minute : aucun trafic à répartir.</translation>
    </message>
    <message>
        <source>Of the last minute&apos;s records (from 1 sampled record): lower %1 %, upper %2 %</source>
        <translation>Des enregistrements de la dernière minute (d’après 1 enregistrement échantillonné) : bas %1&#xa0;%, haut %2&#xa0;%</translation>
    </message>
    <message>
        <source>Of the last minute&apos;s records (from %1 sampled records): lower %2 %, upper %3 %</source>
        <translation>Des enregistrements de la dernière minute (d’après %1 enregistrements échantillonnés) : bas %2&#xa0;%, haut %3&#xa0;%</translation>
    </message>
    <message>
        <source>The sample stops at the first %1 records of the minute.</source>
        <translation>L’échantillon s’arrête aux %1 premiers enregistrements de la minute.</translation>
    </message>
    <message>
        <source>no stream</source>
        <translation>aucun flux</translation>
    </message>
    <message>
        <source>Click a shard, then Shift+click the adjacent shard to merge it with.</source>
        <translation>Cliquez sur un shard, puis Maj+clic sur le shard adjacent avec lequel le fusionner.</translation>
    </message>
    <message>
        <source>Merge %1 and %2 into one shard:</source>
        <translation>Fusionner %1 et %2 en un seul shard :</translation>
    </message>
    <message>
        <source>• range %1 – %2 (%3 % of the key space)</source>
        <translation>• plage %1 – %2 (%3&#xa0;% de l’espace des clés)</translation>
    </message>
    <message>
        <source>• write use: up to %1 % of one shard&apos;s limit (%2 % + %3 %)</source>
        <translation>• écritures : jusqu’à %1&#xa0;% de la limite d’un shard (%2&#xa0;% + %3&#xa0;%)</translation>
    </message>
    <message>
        <source>• write use: unknown (the backend does not measure it)</source>
        <translation>• écritures : inconnues (le backend ne les mesure pas)</translation>
    </message>
    <message>
        <source>• %1 records held by the two parents</source>
        <translation>• %1 enregistrements dans les deux parents</translation>
    </message>
    <message>
        <source>UpdateShardCount from %1 to %2 open shards (uniform scaling).</source>
        <translation>UpdateShardCount de %1 à %2 shards ouverts (redimensionnement uniforme).</translation>
    </message>
    <message>
        <source>Kinesis would refuse this: %1</source>
        <translation>Kinesis refuserait : %1</translation>
    </message>
    <message>
        <source>• %1 shards of %2 % of the key space each (dashed lines), e.g. %3 – %4</source>
        <translation>• %1 shards de %2&#xa0;% de l’espace des clés chacun (lignes pointillées), p.&#xa0;ex. %3 – %4</translation>
    </message>
    <message>
        <source>• Limits: one call goes to at most double or half the open shards (%1–%2 now); at most 10 calls per stream in a rolling 24 hours.</source>
        <translation>• Limites : un appel va au plus au double ou à la moitié des shards ouverts (%1–%2 maintenant) ; au plus 10 appels par flux sur 24 heures glissantes.</translation>
    </message>
    <message>
        <source>%1 failed: %2: %3</source>
        <translation>%1 a échoué : %2 : %3</translation>
    </message>
    <message>
        <source>%1 started; the band moves to the new layout when the stream is active again.</source>
        <translation>%1 lancé ; la bande passe à la nouvelle disposition quand le flux est de nouveau actif.</translation>
    </message>
    <message>
        <source>Splitting %1</source>
        <translation>Division de %1</translation>
    </message>
    <message>
        <source>Merging %1 with %2</source>
        <translation>Fusion de %1 avec %2</translation>
    </message>
    <message>
        <source>Scaling to %1 shards</source>
        <translation>Redimensionnement à %1 shards</translation>
    </message>
    <message>
        <source>Split: select a shard, press Split… and drag the point. Merge: click a shard, Shift+click its neighbour. Scale: choose a target count. Nothing is sent before you confirm.</source>
        <translation>Diviser : sélectionnez un shard, appuyez sur Diviser… et faites glisser le point. Fusionner : cliquez sur un shard, Maj+clic sur son voisin. Redimensionner : choisissez un nombre cible. Rien n’est envoyé avant votre confirmation.</translation>
    </message>
</context>
<context>
    <name>shardscope::ReshardPlan</name>
    <message>
        <source>%1 is closed: only open shards can be split.</source>
        <translation>%1 est fermé : seuls les shards ouverts peuvent être divisés.</translation>
    </message>
    <message>
        <source>The split key must lie inside %1&apos;s range, above its first key plus one and below its last key, so that both new shards get keys.</source>
        <translation>La clé de division doit être dans la plage de %1, au-dessus de sa première clé plus un et sous sa dernière clé, pour que les deux nouveaux shards aient des clés.</translation>
    </message>
    <message>
        <source>Select two different shards: click one, then Shift+click its neighbour.</source>
        <translation>Sélectionnez deux shards différents : cliquez sur l’un, puis Maj+clic sur son voisin.</translation>
    </message>
    <message>
        <source>%1 is closed: only open shards can be merged.</source>
        <translation>%1 est fermé : seuls les shards ouverts peuvent être fusionnés.</translation>
    </message>
    <message>
        <source>%1 and %2 are not adjacent: %1 ends at %3 % of the key space and %2 starts at %4 %. Kinesis merges only two shards whose hash-key ranges touch; pick a direct neighbour.</source>
        <translation>%1 et %2 ne sont pas adjacents : %1 se termine à %3&#xa0;% de l’espace des clés et %2 commence à %4&#xa0;%. Kinesis ne fusionne que deux shards dont les plages de clés se touchent ; choisissez un voisin direct.</translation>
    </message>
    <message>
        <source>The target must be between 1 and %1 shards.</source>
        <translation>La cible doit être entre 1 et %1 shards.</translation>
    </message>
    <message>
        <source>The stream has no open shards to scale.</source>
        <translation>Le flux n’a aucun shard ouvert à redimensionner.</translation>
    </message>
    <message>
        <source>The stream already has %1 open shards.</source>
        <translation>Le flux a déjà %1 shards ouverts.</translation>
    </message>
    <message>
        <source>One call can at most double the open shards: at most %1 from %2.</source>
        <translation>Un appel peut au plus doubler les shards ouverts : au plus %1 depuis %2.</translation>
    </message>
    <message>
        <source>One call can at most halve the open shards: at least %1 from %2.</source>
        <translation>Un appel peut au plus diviser par deux les shards ouverts : au moins %1 depuis %2.</translation>
    </message>
    <message>
        <source>%1 (%2 %)</source>
        <translation>%1 (%2&#xa0;%)</translation>
    </message>
</context>
<context>
    <name>shardscope::ShardsTableModel</name>
    <message>
        <source>Closed</source>
        <translation>Fermé</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>Shard</source>
        <translation>Shard</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Hash key start</source>
        <translation>Clé de hachage de début</translation>
    </message>
    <message>
        <source>Hash key end</source>
        <translation>Clé de hachage de fin</translation>
    </message>
    <message>
        <source>Starting sequence number</source>
        <translation>Numéro de séquence de début</translation>
    </message>
    <message>
        <source>Ending sequence number</source>
        <translation>Numéro de séquence de fin</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>Adjacent parent</source>
        <translation>Parent adjacent</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Enregistrements</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Octets</translation>
    </message>
    <message>
        <source>The use could not be read: %1</source>
        <translation>L’utilisation n’a pas pu être lue&#xa0;: %1</translation>
    </message>
    <message>
        <source>Write use</source>
        <translation>Utilisation en écriture</translation>
    </message>
    <message>
        <source>Read use</source>
        <translation>Utilisation en lecture</translation>
    </message>
</context>
<context>
    <name>shardscope::SsoPortalClient</name>
    <message>
        <source>The IAM Identity Center (SSO) session for profile &quot;%1&quot; has expired or was never started. Run `aws sso login --profile %1` and try again.</source>
        <translation>La session IAM Identity Center (SSO) du profil «&#xa0;%1&#xa0;» a expiré ou n&apos;a jamais été ouverte. Exécutez `aws sso login --profile %1` et réessayez.</translation>
    </message>
    <message>
        <source>IAM Identity Center role %1 in account %2 (profile %3)</source>
        <translation>Rôle IAM Identity Center %1 dans le compte %2 (profil %3)</translation>
    </message>
    <message>
        <source>IAM Identity Center answered without role credentials for profile &quot;%1&quot;.</source>
        <translation>IAM Identity Center a répondu sans identifiants de rôle pour le profil «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>IAM Identity Center refused role %1 in account %2 for profile &quot;%3&quot;: %4: %5</source>
        <translation>IAM Identity Center a refusé le rôle %1 dans le compte %2 pour le profil «&#xa0;%3&#xa0;»&#xa0;: %4&#xa0;: %5</translation>
    </message>
    <message>
        <source>Getting credentials from IAM Identity Center for profile &quot;%1&quot; failed (HTTP %2): %3: %4</source>
        <translation>L&apos;obtention des identifiants auprès d&apos;IAM Identity Center pour le profil «&#xa0;%1&#xa0;» a échoué (HTTP %2)&#xa0;: %3&#xa0;: %4</translation>
    </message>
    <message>
        <source>Getting credentials from IAM Identity Center for profile &quot;%1&quot; failed: the portal could not be reached: %2</source>
        <translation>L&apos;obtention des identifiants auprès d&apos;IAM Identity Center pour le profil «&#xa0;%1&#xa0;» a échoué&#xa0;: le portail est injoignable&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>shardscope::StreamMetricsView</name>
    <message>
        <source>&amp;By shard</source>
        <translation>&amp;Par shard</translation>
    </message>
    <message>
        <source>&amp;Enable Enhanced Monitoring</source>
        <translation>Acti&amp;ver la surveillance améliorée</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>15 dernières minutes</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Dernières 24 heures</translation>
    </message>
    <message>
        <source>One line per open shard, from the shard-level metrics</source>
        <translation>Une courbe par shard ouvert, à partir des métriques par shard</translation>
    </message>
    <message>
        <source>Time ra&amp;nge:</source>
        <translation>Pério&amp;de&#xa0;:</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Oldest record read</source>
        <translation>Plus ancien enregistrement lu</translation>
    </message>
    <message>
        <source>Writes refused</source>
        <translation>Écritures refusées</translation>
    </message>
    <message>
        <source>Reads refused</source>
        <translation>Lectures refusées</translation>
    </message>
    <message>
        <source>PutRecords entries throttled</source>
        <translation>Entrées PutRecords limitées</translation>
    </message>
    <message>
        <source>Shard %1</source>
        <translation>Shard %1</translation>
    </message>
    <message>
        <source>Shard %1 writes</source>
        <translation>Shard %1 écritures</translation>
    </message>
    <message>
        <source>Shard %1 reads</source>
        <translation>Shard %1 lectures</translation>
    </message>
    <message>
        <source>Records in</source>
        <translation>Enregistrements entrants</translation>
    </message>
    <message>
        <source>records/s</source>
        <translation>enregistrements/s</translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation>Octets entrants</translation>
    </message>
    <message>
        <source>bytes/s</source>
        <translation>octets/s</translation>
    </message>
    <message>
        <source>Records read</source>
        <translation>Enregistrements lus</translation>
    </message>
    <message>
        <source>Bytes read</source>
        <translation>Octets lus</translation>
    </message>
    <message>
        <source>Consumer lag (age of the oldest record read)</source>
        <translation>Retard des consommateurs (âge du plus ancien enregistrement lu)</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Throttled</source>
        <translation>Limités</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>par seconde</translation>
    </message>
    <message>
        <source>Call latency (average)</source>
        <translation>Latence des appels (moyenne)</translation>
    </message>
    <message>
        <source>CloudWatch charges for shard-level metrics.</source>
        <translation>CloudWatch facture les métriques par shard.</translation>
    </message>
    <message>
        <source>This connection is read-only: make it writable to enable it.</source>
        <translation>Cette connexion est en lecture seule&#xa0;: rendez-la modifiable pour l’activer.</translation>
    </message>
    <message>
        <source>The connection is read-only</source>
        <translation>La connexion est en lecture seule</translation>
    </message>
    <message>
        <source>EnableEnhancedMonitoring for %1</source>
        <translation>EnableEnhancedMonitoring pour %1</translation>
    </message>
    <message>
        <source>Enhanced monitoring could not be enabled: %1</source>
        <translation>La surveillance améliorée n’a pas pu être activée&#xa0;: %1</translation>
    </message>
    <message>
        <source>No stream selected.</source>
        <translation>Aucun flux sélectionné.</translation>
    </message>
    <message>
        <source>%1 offers no metrics.</source>
        <translation>%1 ne fournit pas de métriques.</translation>
    </message>
    <message>
        <source>Updated %1 · one point per %2 · every %3 s</source>
        <translation>Mis à jour à %1 · un point par %2 · toutes les %3 s</translation>
    </message>
    <message>
        <source>second</source>
        <translation>seconde</translation>
    </message>
    <message>
        <source>minute</source>
        <translation>minute</translation>
    </message>
    <message>
        <source>The metrics could not be read: %1</source>
        <translation>Les métriques n’ont pas pu être lues&#xa0;: %1</translation>
    </message>
    <message>
        <source>Limit per shard</source>
        <translation>Limite par shard</translation>
    </message>
    <message>
        <source>Lines per shard need enhanced monitoring, which is off for this stream: they stay empty until it is enabled, and start from then.</source>
        <translation>Les courbes par shard demandent la surveillance améliorée, désactivée pour ce flux&#xa0;: elles restent vides tant qu’elle n’est pas activée, et ne commencent qu’à partir de là.</translation>
    </message>
    <message>
        <source>Lines per shard need enhanced monitoring, which is off for %1 on this stream: those stay empty until it is enabled, and start from then.</source>
        <translation>Les courbes par shard demandent la surveillance améliorée, désactivée pour %1 sur ce flux&#xa0;: celles-ci restent vides tant qu’elle n’est pas activée, et ne commencent qu’à partir de là.</translation>
    </message>
</context>
<context>
    <name>shardscope::StreamModeDialog</name>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>&amp;Provisioned</source>
        <translation>&amp;Provisionné</translation>
    </message>
    <message>
        <source>On-&amp;demand</source>
        <translation>À la &amp;demande</translation>
    </message>
    <message>
        <source>Capacity Mode — %1</source>
        <translation>Mode de capacité — %1</translation>
    </message>
    <message>
        <source>Current mode:</source>
        <translation>Mode actuel&#xa0;:</translation>
    </message>
    <message>
        <source>New mode:</source>
        <translation>Nouveau mode&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Switch Mode</source>
        <translation>&amp;Changer de mode</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>La connexion est fermée.</translation>
    </message>
    <message>
        <source>On-demand (%1 open now)</source>
        <translation>À la demande (ouverts actuellement&#xa0;: %1)</translation>
    </message>
    <message>
        <source>Provisioned, %1</source>
        <translation>Provisionné, %1</translation>
    </message>
    <message>
        <source>The stream is already in this mode.</source>
        <translation>Le flux est déjà dans ce mode.</translation>
    </message>
    <message>
        <source>Capacity will follow the traffic; you no longer choose the number of shards.</source>
        <translation>La capacité suivra le trafic&#xa0;; vous ne choisirez plus le nombre de shards.</translation>
    </message>
    <message>
        <source>The stream keeps its %1; from then on you choose the number of shards.</source>
        <translation>Le flux conserve son nombre actuel de shards (%1)&#xa0;; vous choisirez ensuite le nombre de shards.</translation>
    </message>
    <message>
        <source>Kinesis allows two switches per stream in 24 hours.</source>
        <translation>Kinesis autorise deux changements de mode par flux sur 24 heures.</translation>
    </message>
    <message>
        <source>Switching…</source>
        <translation>Changement en cours…</translation>
    </message>
</context>
<context>
    <name>shardscope::StreamPage</name>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Vue d&apos;ensemble</translation>
    </message>
    <message>
        <source>Cannot list the shards: %1</source>
        <translation>Impossible de lister les shards&#xa0;: %1</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Hash-key space — click a shard to select it, Shift+click a neighbour to merge</source>
        <translation>Espace des clés de hachage — cliquez sur un shard pour le sélectionner, Maj+clic sur un voisin pour fusionner</translation>
    </message>
    <message>
        <source>%1 · %2 open shards · %3 h retention</source>
        <translation>%1 · %2 shards ouverts · rétention de %3 h</translation>
    </message>
    <message>
        <source>On-demand</source>
        <translation>À la demande</translation>
    </message>
    <message>
        <source>Provisioned</source>
        <translation>Provisionné</translation>
    </message>
    <message>
        <source> · encrypted</source>
        <translation> · chiffré</translation>
    </message>
    <message>
        <source>Sh&amp;ards</source>
        <translation>S&amp;hards</translation>
    </message>
    <message>
        <source>Re&amp;cords</source>
        <translation>E&amp;nregistrements</translation>
    </message>
    <message>
        <source>&amp;Metrics</source>
        <translation>&amp;Métriques</translation>
    </message>
    <message>
        <source>Cons&amp;umers</source>
        <translation>&amp;Consommateurs</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation>Lignée</translation>
    </message>
</context>
<context>
    <name>shardscope::StreamSummaryModel</name>
    <message>
        <source>Stream %1 not found; it may have been deleted.</source>
        <translation>Flux %1 introuvable&#xa0;; il a peut-être été supprimé.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>ARN</source>
        <translation>ARN</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Open shards</source>
        <translation>Shards ouverts</translation>
    </message>
    <message>
        <source>Retention (hours)</source>
        <translation>Rétention (heures)</translation>
    </message>
    <message>
        <source>Max record size (KiB)</source>
        <translation>Taille max. des enregistrements (Kio)</translation>
    </message>
    <message>
        <source>Encryption type</source>
        <translation>Type de chiffrement</translation>
    </message>
    <message>
        <source>KMS key</source>
        <translation>Clé KMS</translation>
    </message>
    <message>
        <source>Consumers</source>
        <translation>Consommateurs</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Enregistrements</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Octets</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>Non disponible</translation>
    </message>
    <message>
        <source>Creating</source>
        <translation>En création</translation>
    </message>
    <message>
        <source>Deleting</source>
        <translation>En suppression</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Updating</source>
        <translation>En mise à jour</translation>
    </message>
    <message>
        <source>On-demand</source>
        <translation>À la demande</translation>
    </message>
    <message>
        <source>Provisioned</source>
        <translation>Provisionné</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 heure</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 heures</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 jour</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 jours</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2 %3)</source>
        <translation>%1 (%2 et %3)</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 Kio</translation>
    </message>
    <message>
        <source>%1 (%2 MiB)</source>
        <translation>%1 (%2 Mio)</translation>
    </message>
    <message>
        <source>KMS</source>
        <translation>KMS</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Propriété</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source> +%L1 more</source>
        <translation> et %L1 de plus</translation>
    </message>
    <message>
        <source>Cannot read the policy: %1</source>
        <translation>Impossible de lire la politique : %1</translation>
    </message>
    <message>
        <source>Not a JSON object</source>
        <translation>Pas un objet JSON</translation>
    </message>
    <message>
        <source>1 statement</source>
        <translation>1 instruction</translation>
    </message>
    <message>
        <source>%L1 statements</source>
        <translation>%L1 instructions</translation>
    </message>
    <message>
        <source>all but %1</source>
        <translation>toutes sauf %1</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1 ; %2</translation>
    </message>
    <message>
        <source>%1 — principals: %2 — actions: %3</source>
        <translation>%1 — principaux : %2 — actions : %3</translation>
    </message>
    <message>
        <source> (with Deny)</source>
        <translation> (avec Deny)</translation>
    </message>
    <message>
        <source>Enhanced monitoring</source>
        <translation>Surveillance améliorée</translation>
    </message>
    <message>
        <source>Warm throughput</source>
        <translation>Débit préchauffé</translation>
    </message>
    <message>
        <source>Resource policy</source>
        <translation>Politique de ressource</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivée</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>— (on-demand streams only)</source>
        <translation>— (flux à la demande seulement)</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Non défini</translation>
    </message>
    <message>
        <source>%L1 MiB/s</source>
        <translation>%L1 Mio/s</translation>
    </message>
    <message>
        <source>None requested (now %1)</source>
        <translation>Aucun demandé (actuellement %1)</translation>
    </message>
    <message>
        <source>Target %1, now %2</source>
        <translation>Cible %1, actuellement %2</translation>
    </message>
    <message>
        <source>Throughput limits</source>
        <translation>Limites de débit</translation>
    </message>
    <message>
        <source>Hottest shard</source>
        <translation>Shard le plus sollicité</translation>
    </message>
    <message>
        <source>Cannot measure the use: %1</source>
        <translation>Impossible de mesurer l’utilisation&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>shardscope::StsClient</name>
    <message>
        <source>Assuming role %1 for profile &quot;%2&quot; failed: %3: %4</source>
        <translation>Impossible d&apos;assumer le rôle %1 pour le profil «&#xa0;%2&#xa0;»&#xa0;: %3&#xa0;: %4</translation>
    </message>
    <message>
        <source>role %1 (profile %2)</source>
        <translation>rôle %1 (profil %2)</translation>
    </message>
    <message>
        <source>Assuming role %1 for profile &quot;%2&quot; failed: STS answered HTTP %3 without credentials or an error in the expected form.</source>
        <translation>Impossible d&apos;assumer le rôle %1 pour le profil «&#xa0;%2&#xa0;»&#xa0;: STS a répondu HTTP %3 sans identifiants ni erreur au format attendu.</translation>
    </message>
    <message>
        <source>Assuming role %1 for profile &quot;%2&quot; failed: STS could not be reached: %3</source>
        <translation>Impossible d&apos;assumer le rôle %1 pour le profil «&#xa0;%2&#xa0;»&#xa0;: STS est injoignable&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>shardscope::TagStateDelegate</name>
    <message>
        <source>New: added when you apply</source>
        <translation>Nouvelle&#xa0;: ajoutée lorsque vous appliquez</translation>
    </message>
    <message>
        <source>Changed: saved when you apply</source>
        <translation>Modifiée&#xa0;: enregistrée lorsque vous appliquez</translation>
    </message>
</context>
<context>
    <name>shardscope::TagsDialog</name>
    <message>
        <source>“%1”</source>
        <translation>«&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>U+%1</source>
        <translation>U+%1</translation>
    </message>
    <message>
        <source>%1 is not allowed.</source>
        <translation>%1 n&apos;est pas autorisé.</translation>
    </message>
    <message>
        <source>%1 are not allowed.</source>
        <translation>%1 ne sont pas autorisés.</translation>
    </message>
    <message>
        <source>Use letters, digits, spaces and _ . : / = + - @.</source>
        <translation>Utilisez des lettres, des chiffres, des espaces et _ . : / = + - @.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>Tags — %1</source>
        <translation>Balises — %1</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>&amp;Balises&#xa0;:</translation>
    </message>
    <message>
        <source>Remove the selected tags (Del)</source>
        <translation>Supprimer les balises sélectionnées (Suppr)</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Value (may be empty)</source>
        <translation>Valeur (peut être vide)</translation>
    </message>
    <message>
        <source>New &amp;key:</source>
        <translation>Nouvelle &amp;clé&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Valeur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Discard Changes</source>
        <translation>A&amp;nnuler les modifications</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>La connexion est fermée.</translation>
    </message>
    <message>
        <source>Enter a key.</source>
        <translation>Saisissez une clé.</translation>
    </message>
    <message>
        <source>The key is %L1 characters long; at most %L2 are allowed.</source>
        <translation>La clé fait %L1 caractères&#xa0;; %L2 au maximum sont autorisés.</translation>
    </message>
    <message>
        <source>Keys starting with “aws:” are reserved for AWS.</source>
        <translation>Les clés commençant par «&#xa0;aws:&#xa0;» sont réservées à AWS.</translation>
    </message>
    <message>
        <source>The value is %L1 characters long; at most %L2 are allowed.</source>
        <translation>La valeur fait %L1 caractères&#xa0;; %L2 au maximum sont autorisés.</translation>
    </message>
    <message>
        <source>A tag with the key “%1” exists already; edit its value in the table.</source>
        <translation>Une balise avec la clé «&#xa0;%1&#xa0;» existe déjà&#xa0;; modifiez sa valeur dans le tableau.</translation>
    </message>
    <message>
        <source>A stream can have at most %L1 tags.</source>
        <translation>Un flux peut avoir au maximum %L1 balises.</translation>
    </message>
    <message>
        <source>Tag “%1”: %2</source>
        <translation>Balise «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>Tag “%1” is managed by AWS and cannot be removed.</source>
        <translation>La balise «&#xa0;%1&#xa0;» est gérée par AWS et ne peut pas être supprimée.</translation>
    </message>
    <message>
        <source>A stream can have at most %L1 tags; remove %L2.</source>
        <translation>Un flux peut avoir au maximum %L1 balises&#xa0;; supprimez-en %L2.</translation>
    </message>
    <message>
        <source>1 of %L1 tags</source>
        <translation>1 balise sur %L1</translation>
    </message>
    <message>
        <source>%L1 of %L2 tags</source>
        <translation>%L1 balises sur %L2</translation>
    </message>
    <message>
        <source>%L1 to add</source>
        <translation>%L1 à ajouter</translation>
    </message>
    <message>
        <source>%L1 to change</source>
        <translation>%L1 à modifier</translation>
    </message>
    <message>
        <source>%L1 to remove</source>
        <translation>%L1 à supprimer</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>shardscope::TagsModel</name>
    <message>
        <source>No stream is selected.</source>
        <translation>Aucun flux n&apos;est sélectionné.</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>La connexion a été fermée.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
</context>
<context>
    <name>shardscope::TailReader</name>
    <message>
        <source>There is no connection to read from.</source>
        <translation>Il n&apos;y a aucune connexion depuis laquelle lire.</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>La connexion a été fermée.</translation>
    </message>
    <message>
        <source>Shard %1 does not exist in stream %2.</source>
        <translation>Le shard %1 n&apos;existe pas dans le flux %2.</translation>
    </message>
    <message>
        <source>Reading %1 failed, retrying: %2</source>
        <translation>La lecture de %1 a échoué, nouvelle tentative : %2</translation>
    </message>
</context>
<context>
    <name>shardscope::WarmThroughputDialog</name>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Warm Throughput — %1</source>
        <translation>Débit préchauffé — %1</translation>
    </message>
    <message>
        <source> MiB/s</source>
        <translation> Mio/s</translation>
    </message>
    <message>
        <source>&amp;Warm throughput:</source>
        <translation>Débit &amp;préchauffé :</translation>
    </message>
    <message>
        <source>Current:</source>
        <translation>Actuel :</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Appliquer</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>La connexion est fermée.</translation>
    </message>
    <message>
        <source>None: the stream is provisioned.</source>
        <translation>Aucun : le flux est en mode provisionné.</translation>
    </message>
    <message>
        <source>%L1 MiB/s</source>
        <translation>%L1 Mio/s</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Target %L1 MiB/s, now %2</source>
        <translation>Cible %L1 Mio/s, actuellement %2</translation>
    </message>
    <message>
        <source>None requested; the stream handles %1 now</source>
        <translation>Aucun demandé ; le flux absorbe actuellement %1</translation>
    </message>
    <message>
        <source>%L1 MiB/s is more than Kinesis allows: choose from 0 to %L2 MiB/s (10 GiB/s).</source>
        <translation>%L1 Mio/s dépasse ce que Kinesis permet : choisissez de 0 à %L2 Mio/s (10 Gio/s).</translation>
    </message>
    <message>
        <source>Warm throughput applies to on-demand streams only. Switch the stream to on-demand capacity first (Capacity Mode).</source>
        <translation>Le débit préchauffé ne concerne que les flux à la demande. Passez d’abord le flux en capacité à la demande (Mode de capacité).</translation>
    </message>
    <message>
        <source>Kinesis scales the stream ahead of traffic so that it takes this much writing at once; 0 asks for none. It needs the account&apos;s minimum throughput billing commitment (Account Settings).</source>
        <translation>Kinesis dimensionne le flux avant l’arrivée du trafic pour qu’il absorbe d’emblée ce débit d’écriture ; 0 n’en demande aucun. Il faut l’engagement de facturation d’un débit minimal du compte (Paramètres du compte).</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Application…</translation>
    </message>
</context>
<context>
    <name>shardscope::UsageText</name>
    <message>
        <source>%1 %</source>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>%1 rec/s</source>
        <translation>%1 enr./s</translation>
    </message>
    <message>
        <source>%1 calls/s</source>
        <translation>%1 appels/s</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Needs enhanced monitoring</source>
        <translation>Surveillance améliorée requise</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>not measured (limit %1)</source>
        <translation>non mesuré (limite %1)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Writes: %1, %2</source>
        <translation>Écritures&#xa0;: %1, %2</translation>
    </message>
    <message>
        <source>Reads: %1, %2</source>
        <translation>Lectures&#xa0;: %1, %2</translation>
    </message>
    <message>
        <source>Throttled writes: %1</source>
        <translation>Écritures limitées&#xa0;: %1</translation>
    </message>
    <message>
        <source>Throttled reads: %1</source>
        <translation>Lectures limitées&#xa0;: %1</translation>
    </message>
    <message>
        <source>Averaged over the last complete minute (CloudWatch)</source>
        <translation>Moyenne sur la dernière minute complète (CloudWatch)</translation>
    </message>
    <message>
        <source>Over the last second</source>
        <translation>Sur la dernière seconde</translation>
    </message>
    <message>
        <source>Limits enforced</source>
        <translation>Limites appliquées</translation>
    </message>
    <message>
        <source>Limits not enforced</source>
        <translation>Limites non appliquées</translation>
    </message>
    <message>
        <source>Some figures need enhanced (shard-level) monitoring on the stream</source>
        <translation>Certaines valeurs nécessitent la surveillance améliorée (au niveau des shards) sur le flux</translation>
    </message>
    <message>
        <source>writes %1 records/s and %2, reads %3 calls/s and %4</source>
        <translation>écritures %1 enregistrements/s et %2, lectures %3 appels/s et %4</translation>
    </message>
    <message>
        <source>Enforced per shard: %1</source>
        <translation>Appliquées par shard&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not enforced (per shard: %1)</source>
        <translation>Non appliquées (par shard&#xa0;: %1)</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <source>%1: %2 of its write limit</source>
        <translation>%1&#xa0;: %2 de sa limite d’écriture</translation>
    </message>
    <message>
        <source>%1: %2 of its read limit</source>
        <translation>%1&#xa0;: %2 de sa limite de lecture</translation>
    </message>
</context>
<context>
    <name>shardscope::ConsumerDashboard</name>
    <message>
        <source>Run a Consumer Group…</source>
        <translation>Lancer un groupe de consommateurs…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+G</source>
        <translation>Ctrl+Alt+G</translation>
    </message>
    <message>
        <source>Open a Lease Table…</source>
        <translation>Ouvrir une table de baux…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+I</source>
        <translation>Ctrl+Alt+I</translation>
    </message>
    <message>
        <source>Stop Group</source>
        <translation>Arrêter le groupe</translation>
    </message>
    <message>
        <source>Ctrl+Alt+T</source>
        <translation>Ctrl+Alt+T</translation>
    </message>
    <message>
        <source>Add Worker</source>
        <translation>Ajouter un worker</translation>
    </message>
    <message>
        <source>Ctrl+Alt+J</source>
        <translation>Ctrl+Alt+J</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>Tuer</translation>
    </message>
    <message>
        <source>Ctrl+Alt+K</source>
        <translation>Ctrl+Alt+K</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <source>Ctrl+Alt+U</source>
        <translation>Ctrl+Alt+U</translation>
    </message>
    <message>
        <source>Slow Processing…</source>
        <translation>Traitement lent…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+S</source>
        <translation>Ctrl+Alt+S</translation>
    </message>
    <message>
        <source>Poison Record…</source>
        <translation>Enregistrement empoisonné…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Y</source>
        <translation>Ctrl+Alt+Y</translation>
    </message>
    <message>
        <source>Diagnoses</source>
        <translation>Diagnostics</translation>
    </message>
    <message>
        <source>Leases</source>
        <translation>Baux</translation>
    </message>
    <message>
        <source>Selected worker:</source>
        <translation>Worker sélectionné :</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Workers</translation>
    </message>
    <message>
        <source>Lease ownership (one lane per shard, a colour per worker)</source>
        <translation>Détention des baux (une ligne par shard, une couleur par worker)</translation>
    </message>
    <message>
        <source>Time behind per shard</source>
        <translation>Retard par shard</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>Checkpoints per second</source>
        <translation>Checkpoints par seconde</translation>
    </message>
    <message>
        <source>/s</source>
        <translation>/s</translation>
    </message>
    <message>
        <source>checkpoints</source>
        <translation>checkpoints</translation>
    </message>
    <message>
        <source>Throttles per second (own group)</source>
        <translation>Limitations par seconde (groupe de l’app)</translation>
    </message>
    <message>
        <source>throttled reads</source>
        <translation>lectures limitées</translation>
    </message>
    <message>
        <source>No consumer group is shown. Run one on this stream to try failures out, or open a KCL application&apos;s lease table to see what it does.</source>
        <translation>Aucun groupe de consommateurs affiché. Lancez-en un sur ce flux pour essayer des pannes, ou ouvrez la table de baux d’une application KCL pour voir ce qu’elle fait.</translation>
    </message>
    <message>
        <source>Consumer group %1</source>
        <translation>Groupe de consommateurs %1</translation>
    </message>
    <message>
        <source>Lease table %1 (read-only)</source>
        <translation>Table de baux %1 (lecture seule)</translation>
    </message>
    <message>
        <source>Close Lease Table</source>
        <translation>Fermer la table de baux</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>%1 since %2. Click to select it in the tables.</source>
        <translation>%1 depuis %2. Cliquez pour le sélectionner dans les tableaux.</translation>
    </message>
    <message>
        <source>Diagnoses appear here once a lease table is read.</source>
        <translation>Les diagnostics apparaissent ici dès qu’une table de baux est lue.</translation>
    </message>
    <message>
        <source>Nothing wrong found: every lease is renewed, checkpoints move and no shard is left out.</source>
        <translation>Rien d’anormal : chaque bail est renouvelé, les checkpoints avancent et aucun shard n’est oublié.</translation>
    </message>
    <message>
        <source>A consumer group runs: stop it first.</source>
        <translation>Un groupe de consommateurs tourne : arrêtez-le d’abord.</translation>
    </message>
    <message>
        <source>A lease table is open: close it first.</source>
        <translation>Une table de baux est ouverte : fermez-la d’abord.</translation>
    </message>
    <message>
        <source>Select a stream first.</source>
        <translation>Sélectionnez d’abord un flux.</translation>
    </message>
    <message>
        <source>Run a KCL-style consumer group on this stream and watch its leases</source>
        <translation>Lancer un groupe de consommateurs à la manière de KCL sur ce flux et observer ses baux</translation>
    </message>
    <message>
        <source>Watch a KCL application&apos;s lease table, read-only</source>
        <translation>Observer la table de baux d’une application KCL, en lecture seule</translation>
    </message>
    <message>
        <source>No consumer group runs and no lease table is open.</source>
        <translation>Aucun groupe de consommateurs ne tourne et aucune table de baux n’est ouverte.</translation>
    </message>
    <message>
        <source>Stop watching the lease table</source>
        <translation>Cesser d’observer la table de baux</translation>
    </message>
    <message>
        <source>Stop every worker of the group</source>
        <translation>Arrêter tous les workers du groupe</translation>
    </message>
    <message>
        <source>A watched application&apos;s workers are not Shardscope&apos;s: faults apply to a group run here.</source>
        <translation>Les workers d’une application observée ne sont pas ceux de Shardscope : les pannes s’appliquent à un groupe lancé ici.</translation>
    </message>
    <message>
        <source>No consumer group runs.</source>
        <translation>Aucun groupe de consommateurs ne tourne.</translation>
    </message>
    <message>
        <source>Start one more worker in the group</source>
        <translation>Démarrer un worker de plus dans le groupe</translation>
    </message>
    <message>
        <source>Select one of the group&apos;s workers in the table.</source>
        <translation>Sélectionnez un des workers du groupe dans le tableau.</translation>
    </message>
    <message>
        <source>%1 was killed.</source>
        <translation>%1 a été tué.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Stop the worker at once, without giving its leases up</source>
        <translation>Arrêter le worker sur-le-champ, sans qu’il rende ses baux</translation>
    </message>
    <message>
        <source>Let the worker renew and read again</source>
        <translation>Laisser le worker renouveler et lire de nouveau</translation>
    </message>
    <message>
        <source>Stop the worker renewing and reading, as a long pause would</source>
        <translation>Empêcher le worker de renouveler et de lire, comme le ferait une longue pause</translation>
    </message>
    <message>
        <source>Make the worker take this long per record</source>
        <translation>Faire prendre au worker ce temps par enregistrement</translation>
    </message>
    <message>
        <source>Make the worker fail on the records a filter matches</source>
        <translation>Faire échouer le worker sur les enregistrements qu’un filtre retient</translation>
    </message>
    <message>
        <source>Slow Processing</source>
        <translation>Traitement lent</translation>
    </message>
    <message>
        <source>Time %1 takes per record (0: normal speed):</source>
        <translation>Temps que %1 prend par enregistrement (0 : vitesse normale) :</translation>
    </message>
    <message>
        <source>shard %1</source>
        <translation>shard %1</translation>
    </message>
</context>
<context>
    <name>shardscope::LeaseDiagnoser</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>1 lease</source>
        <translation>1 bail</translation>
    </message>
    <message>
        <source>%1 leases</source>
        <translation>%1 baux</translation>
    </message>
    <message>
        <source>The lease of %1 has had no owner for %2 and no worker takes it: nobody reads this shard. Check that the application&apos;s workers run and reach the lease table.</source>
        <translation>Le bail de %1 n’a plus de détenteur depuis %2 et aucun worker ne le prend : personne ne lit ce shard. Vérifiez que les workers de l’application tournent et atteignent la table de baux.</translation>
    </message>
    <message>
        <source>The lease of %1 expired %2 ago (%3 stopped renewing it) and no other worker has taken it: nobody reads this shard. Check that other workers run and can write to the lease table.</source>
        <translation>Le bail de %1 a expiré il y a %2 (%3 a cessé de le renouveler) et aucun autre worker ne l’a pris : personne ne lit ce shard. Vérifiez que d’autres workers tournent et peuvent écrire dans la table de baux.</translation>
    </message>
    <message>
        <source>The lease of %1 changed owner %2 times in %3 (between %4): the workers steal it from each other, and each move restarts processing from the checkpoint. Look for a worker that stops renewing now and then (long pauses, slow processing) or unequal lease counts.</source>
        <translation>Le bail de %1 a changé %2 fois de détenteur en %3 (entre %4) : les workers se le volent, et chaque changement reprend le traitement au checkpoint. Cherchez un worker qui cesse parfois de renouveler (longues pauses, traitement lent) ou des nombres de baux inégaux.</translation>
    </message>
    <message>
        <source>The checkpoint of %1 has not moved for %2 while records wait: %3 holds the lease and renews it but does not get past a record. Look at its processing of the record after the checkpoint (a poison record, an exception, a blocked call).</source>
        <translation>Le checkpoint de %1 n’a pas bougé depuis %2 alors que des enregistrements attendent : %3 détient le bail et le renouvelle mais ne dépasse pas un enregistrement. Examinez son traitement de l’enregistrement qui suit le checkpoint (un enregistrement empoisonné, une exception, un appel bloqué).</translation>
    </message>
    <message>
        <source>%1 waits for its parent %2, which is closed but has not reached SHARD_END: its checkpoint has not moved for %3. KCL reads a child only after all its parents are done; look at who holds %2 (%4) and why it does not finish.</source>
        <translation>%1 attend son parent %2, fermé mais qui n’a pas atteint SHARD_END : son checkpoint n’a pas bougé depuis %3. KCL ne lit un enfant qu’une fois tous ses parents terminés ; voyez qui détient %2 (%4) et pourquoi il ne finit pas.</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>personne</translation>
    </message>
    <message>
        <source>The lease of %1 is at SHARD_END and its shard is no longer in the stream (past retention): KCL deletes such leases once the children are processed.</source>
        <translation>Le bail de %1 est à SHARD_END et son shard n’est plus dans le flux (rétention dépassée) : KCL supprime ces baux une fois les enfants traités.</translation>
    </message>
    <message>
        <source>The lease of %1 is for a shard the stream does not have (deleted, past retention, or another stream of the same name): its workers fail on it. Check the application&apos;s stream name, or delete the lease.</source>
        <translation>Le bail de %1 concerne un shard que le flux n’a pas (supprimé, rétention dépassée, ou un autre flux du même nom) : ses workers échouent dessus. Vérifiez le nom de flux de l’application, ou supprimez le bail.</translation>
    </message>
    <message>
        <source>The checkpoint of %1 is older than the oldest record the stream still keeps: the records in between expired before they were processed and are lost to this application. Raise the retention or make the consumer faster.</source>
        <translation>Le checkpoint de %1 est plus ancien que le plus ancien enregistrement que le flux conserve : les enregistrements intermédiaires ont expiré avant d’être traités et sont perdus pour cette application. Augmentez la rétention ou accélérez le consommateur.</translation>
    </message>
    <message>
        <source>%1 is open but has no lease (for %2): nobody reads it. KCL creates leases in its shard sync; check that the workers run shard sync and read the right stream.</source>
        <translation>%1 est ouvert mais n’a pas de bail (depuis %2) : personne ne le lit. KCL crée les baux lors de sa synchronisation des shards ; vérifiez que les workers la font et lisent le bon flux.</translation>
    </message>
    <message>
        <source>%1 holds %2 but has renewed none of them for %3: it stopped, hangs or cannot reach the lease table. Other workers take its leases after the failover time.</source>
        <translation>%1 détient %2 mais n’en a renouvelé aucun depuis %3 : il s’est arrêté, est bloqué ou n’atteint pas la table de baux. D’autres workers prennent ses baux après le délai de basculement.</translation>
    </message>
    <message>
        <source>%1 is paused and holds %2 it no longer renews: other workers take them after the failover time.</source>
        <translation>%1 est suspendu et détient %2 qu’il ne renouvelle plus : d’autres workers les prennent après le délai de basculement.</translation>
    </message>
    <message>
        <source>%1 believes it holds %2 but its last renewal was %3 ago: look at its last error and its connection to the lease table.</source>
        <translation>%1 croit détenir %2 mais son dernier renouvellement date de %3 : examinez sa dernière erreur et sa connexion à la table de baux.</translation>
    </message>
    <message>
        <source>The consumer of %1 falls behind: it is %2 behind and the lag grows by about %3 s every minute. Records arrive faster than they are processed: look at the processing time per record, throttling, or add shards and workers.</source>
        <translation>Le consommateur de %1 prend du retard : il a %2 de retard et ce retard croît d’environ %3 s par minute. Les enregistrements arrivent plus vite qu’ils ne sont traités : examinez le temps de traitement par enregistrement, les limitations, ou ajoutez des shards et des workers.</translation>
    </message>
</context>
<context>
    <name>shardscope::LeaseWorkersModel</name>
    <message>
        <source>slow: %1 a record</source>
        <translation>lent : %1 par enregistrement</translation>
    </message>
    <message>
        <source>poison: %1</source>
        <translation>poison : %1</translation>
    </message>
    <message>
        <source>renewing</source>
        <translation>renouvelle</translation>
    </message>
    <message>
        <source>not renewing</source>
        <translation>ne renouvelle plus</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>suspendu</translation>
    </message>
    <message>
        <source>killed</source>
        <translation>tué</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Renews its leases within the failover time.</source>
        <translation>Renouvelle ses baux dans le délai de basculement.</translation>
    </message>
    <message>
        <source>Renewed none of its leases within the failover time: other workers will take them.</source>
        <translation>N’a renouvelé aucun de ses baux dans le délai de basculement : d’autres workers les prendront.</translation>
    </message>
    <message>
        <source>Paused: neither renews nor reads.</source>
        <translation>Suspendu : ne renouvelle ni ne lit.</translation>
    </message>
    <message>
        <source>Killed: gone without giving its leases up.</source>
        <translation>Tué : parti sans rendre ses baux.</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Leases</source>
        <translation>Baux</translation>
    </message>
    <message>
        <source>Records/s</source>
        <translation>Enregistrements/s</translation>
    </message>
    <message>
        <source>Last renewal</source>
        <translation>Dernier renouvellement</translation>
    </message>
    <message>
        <source>Faults and errors</source>
        <translation>Pannes et erreurs</translation>
    </message>
    <message>
        <source>%1 (leader)</source>
        <translation>%1 (leader)</translation>
    </message>
</context>
<context>
    <name>shardscope::LeasesModel</name>
    <message>
        <source>1 record</source>
        <translation>1 enregistrement</translation>
    </message>
    <message>
        <source>%L1 records</source>
        <translation>%L1 enregistrements</translation>
    </message>
    <message>
        <source>waits for %1</source>
        <translation>attend %1</translation>
    </message>
    <message>
        <source>ended; children %1</source>
        <translation>terminé ; enfants %1</translation>
    </message>
    <message>
        <source>closed; %1 waiting</source>
        <translation>fermé ; %1 en attente</translation>
    </message>
    <message>
        <source>held</source>
        <translation>détenu</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expiré</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>non attribué</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>no lease</source>
        <translation>aucun bail</translation>
    </message>
    <message>
        <source>Its owner renews it: the lease counter moved within the failover time.</source>
        <translation>Son détenteur le renouvelle : le compteur du bail a bougé dans le délai de basculement.</translation>
    </message>
    <message>
        <source>The lease counter has not moved for longer than the failover time (%1): any worker may take it.</source>
        <translation>Le compteur du bail n’a pas bougé depuis plus que le délai de basculement (%1) : tout worker peut le prendre.</translation>
    </message>
    <message>
        <source>Nobody holds this lease: the next worker to look takes it.</source>
        <translation>Personne ne détient ce bail : le prochain worker qui regarde le prend.</translation>
    </message>
    <message>
        <source>Processed to its end (SHARD_END): the children may be read.</source>
        <translation>Traité jusqu’au bout (SHARD_END) : les enfants peuvent être lus.</translation>
    </message>
    <message>
        <source>The lease table has no lease for this shard: nobody reads it.</source>
        <translation>La table de baux n’a pas de bail pour ce shard : personne ne le lit.</translation>
    </message>
    <message>
        <source>How often the lease changed owner since its last checkpoint: every switch reprocesses the records after the checkpoint.</source>
        <translation>Combien de fois le bail a changé de détenteur depuis son dernier checkpoint : chaque changement retraite les enregistrements qui suivent le checkpoint.</translation>
    </message>
    <message>
        <source>How far the checkpoint is behind the newest record of the shard.</source>
        <translation>De combien le checkpoint est en retard sur l’enregistrement le plus récent du shard.</translation>
    </message>
    <message>
        <source>Shard</source>
        <translation>Shard</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Détenteur</translation>
    </message>
    <message>
        <source>Lease</source>
        <translation>Bail</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Compteur</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>Retard</translation>
    </message>
    <message>
        <source>Switches</source>
        <translation>Changements</translation>
    </message>
    <message>
        <source>Parents and children</source>
        <translation>Parents et enfants</translation>
    </message>
    <message>
        <source>caught up</source>
        <translation>à jour</translation>
    </message>
</context>
<context>
    <name>shardscope::OpenLeaseTableDialog</name>
    <message>
        <source>A DynamoDB endpoint</source>
        <translation>Un point de terminaison DynamoDB</translation>
    </message>
    <message>
        <source>Open a Lease Table</source>
        <translation>Ouvrir une table de baux</translation>
    </message>
    <message>
        <source>the KCL application&apos;s name</source>
        <translation>le nom de l’application KCL</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>The application&apos;s failoverTimeMillis: a lease whose counter has not moved for longer is shown as expired.</source>
        <translation>Le failoverTimeMillis de l’application : un bail dont le compteur n’a pas bougé depuis plus longtemps est affiché comme expiré.</translation>
    </message>
    <message>
        <source>The connection&apos;s credentials and region</source>
        <translation>Les identifiants et la région de la connexion</translation>
    </message>
    <message>
        <source>Only an AWS connection has credentials for DynamoDB.</source>
        <translation>Seule une connexion AWS a des identifiants pour DynamoDB.</translation>
    </message>
    <message>
        <source>The credentials and region of %1</source>
        <translation>Les identifiants et la région de %1</translation>
    </message>
    <message>
        <source>Read-only: Shardscope only reads this table (a Scan every few seconds) and never writes to it, so the application is not disturbed.</source>
        <translation>Lecture seule : Shardscope ne fait que lire cette table (un Scan toutes les quelques secondes) et n’y écrit jamais, l’application n’est donc pas dérangée.</translation>
    </message>
    <message>
        <source>Table name:</source>
        <translation>Nom de la table :</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Où :</translation>
    </message>
    <message>
        <source>Endpoint URL:</source>
        <translation>URL du point de terminaison :</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>Région :</translation>
    </message>
    <message>
        <source>Failover time:</source>
        <translation>Délai de basculement :</translation>
    </message>
</context>
<context>
    <name>shardscope::PoisonRecordDialog</name>
    <message>
        <source>Poison Record</source>
        <translation>Enregistrement empoisonné</translation>
    </message>
    <message>
        <source>%1 fails on every record this filter matches, as a consumer with a bug fails on a poison record: it keeps its lease but its checkpoint stops there. Empty: no poison.</source>
        <translation>%1 échoue sur chaque enregistrement que ce filtre retient, comme un consommateur bogué sur un enregistrement empoisonné : il garde son bail mais son checkpoint s’arrête là. Vide : pas de poison.</translation>
    </message>
</context>
<context>
    <name>shardscope::RunGroupDialog</name>
    <message>
        <source>By polling (GetRecords)</source>
        <translation>Par interrogation (GetRecords)</translation>
    </message>
    <message>
        <source>Through a registered consumer (enhanced fan-out)</source>
        <translation>Par un consommateur enregistré (enhanced fan-out)</translation>
    </message>
    <message>
        <source>In the local store</source>
        <translation>Dans le stockage local</translation>
    </message>
    <message>
        <source>In DynamoDB</source>
        <translation>Dans DynamoDB</translation>
    </message>
    <message>
        <source>Run a Consumer Group</source>
        <translation>Lancer un groupe de consommateurs</translation>
    </message>
    <message>
        <source>The stream has no ACTIVE consumer: register one on the Consumers tab to read through enhanced fan-out.</source>
        <translation>Le flux n’a aucun consommateur ACTIVE : enregistrez-en un dans l’onglet Consommateurs pour lire par enhanced fan-out.</translation>
    </message>
    <message>
        <source>Each worker subscribes to its shards with this consumer.</source>
        <translation>Chaque worker s’abonne à ses shards avec ce consommateur.</translation>
    </message>
    <message>
        <source>Oldest record (TRIM_HORIZON)</source>
        <translation>Enregistrement le plus ancien (TRIM_HORIZON)</translation>
    </message>
    <message>
        <source>New records only (LATEST)</source>
        <translation>Nouveaux enregistrements seulement (LATEST)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>This connection is read-only. The group only reads the stream; it writes its leases and checkpoints to the lease table below, not to the stream.</source>
        <translation>Cette connexion est en lecture seule. Le groupe ne fait que lire le flux ; il écrit ses baux et checkpoints dans la table de baux ci-dessous, pas dans le flux.</translation>
    </message>
    <message>
        <source>The group reads the stream as a KCL application does and writes its leases and checkpoints to the lease table below.</source>
        <translation>Le groupe lit le flux comme une application KCL et écrit ses baux et checkpoints dans la table de baux ci-dessous.</translation>
    </message>
    <message>
        <source>Application name:</source>
        <translation>Nom de l’application :</translation>
    </message>
    <message>
        <source>Workers:</source>
        <translation>Workers :</translation>
    </message>
    <message>
        <source>Read:</source>
        <translation>Lecture :</translation>
    </message>
    <message>
        <source>Consumer:</source>
        <translation>Consommateur :</translation>
    </message>
    <message>
        <source>Start at:</source>
        <translation>Commencer à :</translation>
    </message>
    <message>
        <source>Failover time:</source>
        <translation>Délai de basculement :</translation>
    </message>
    <message>
        <source>Lease table:</source>
        <translation>Table de baux :</translation>
    </message>
    <message>
        <source>Endpoint URL:</source>
        <translation>URL du point de terminaison :</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>Région :</translation>
    </message>
    <message>
        <source>Enter the application&apos;s name: it names the lease table.</source>
        <translation>Saisissez le nom de l’application : il nomme la table de baux.</translation>
    </message>
    <message>
        <source>3 to 255 letters, digits, _ . or - (DynamoDB&apos;s rule for table names).</source>
        <translation>3 à 255 lettres, chiffres, _ . ou - (la règle de DynamoDB pour les noms de table).</translation>
    </message>
    <message>
        <source>Enter the DynamoDB endpoint, such as http://localhost:8000.</source>
        <translation>Saisissez le point de terminaison DynamoDB, par exemple http://localhost:8000.</translation>
    </message>
    <message>
        <source>Not an http:// or https:// URL with a host, such as http://localhost:8000.</source>
        <translation>Ce n’est pas une URL http:// ou https:// avec un hôte, comme http://localhost:8000.</translation>
    </message>
    <message>
        <source>A region name such as us-east-1.</source>
        <translation>Un nom de région comme us-east-1.</translation>
    </message>
    <message>
        <source>KCL 2.x: every worker takes and steals leases</source>
        <translation>KCL 2.x&#xa0;: chaque worker prend et vole lui-même les baux</translation>
    </message>
    <message>
        <source>KCL 3.x: an elected leader assigns the leases</source>
        <translation>KCL 3.x&#xa0;: un leader élu attribue les baux</translation>
    </message>
    <message>
        <source>Assignment:</source>
        <translation>Attribution&#xa0;:</translation>
    </message>
    <message>
        <source>One worker, elected through a lock, assigns every lease every 2 × the failover time; the others only renew what they are given.</source>
        <translation>Un worker, élu par un verrou, attribue chaque bail toutes les 2 × délai de basculement&#xa0;; les autres ne renouvellent que ce qu’on leur donne.</translation>
    </message>
    <message>
        <source>Each worker takes expired leases and steals one at a time from the busiest, every 2 × the failover time.</source>
        <translation>Chaque worker prend les baux expirés et en vole un à la fois au plus chargé, toutes les 2 × délai de basculement.</translation>
    </message>
    <message>
        <source>Records from a time (AT_TIMESTAMP)</source>
        <translation>Enregistrements à partir d’une date (AT_TIMESTAMP)</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>À partir de&#xa0;:</translation>
    </message>
    <message>
        <source>Enter a date and time, such as 2026-01-31 14:00:00.</source>
        <translation>Saisissez une date et une heure, par exemple 2026-01-31 14:00:00.</translation>
    </message>
    <message>
        <source>%1 is in the future: Kinesis reads from a time up to now only.</source>
        <translation>%1 est dans le futur&#xa0;: Kinesis ne lit qu’à partir d’une date passée.</translation>
    </message>
</context>
<context>
    <name>shardscope::SwimLaneChart</name>
    <message>
        <source>expired (counter stopped)</source>
        <translation>expiré (compteur arrêté)</translation>
    </message>
    <message>
        <source>%1: %2, expired, %3–%4</source>
        <translation>%1 : %2, expiré, %3–%4</translation>
    </message>
    <message>
        <source>%1: %2, %3–%4</source>
        <translation>%1 : %2, %3–%4</translation>
    </message>
    <message>
        <source>%1: nobody</source>
        <translation>%1 : personne</translation>
    </message>
</context>
<context>
    <name>shardscope::ConsumerDebugController</name>
    <message>
        <source>enhanced fan-out</source>
        <translation>enhanced fan-out</translation>
    </message>
    <message>
        <source>polling</source>
        <translation>interrogation</translation>
    </message>
    <message>
        <source>%1, reading by %3; workers at the start: %2; lease table: %4</source>
        <translation>%1, lecture par %3 ; workers au départ : %2 ; table de baux : %4</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Only an AWS connection has credentials for DynamoDB.</source>
        <translation>Seule une connexion AWS a des identifiants pour DynamoDB.</translation>
    </message>
    <message>
        <source>%1; leases assigned by an elected leader (KCL 3.x)</source>
        <translation>%1&#xa0;; baux attribués par un leader élu (KCL 3.x)</translation>
    </message>
</context>
<context>
    <name>shardscope::SqliteLeaseTable</name>
    <message>
        <source>The lease store failed: %1</source>
        <translation>Le stockage des baux a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>SQLite, %1</source>
        <translation>SQLite, %1</translation>
    </message>
    <message>
        <source>in memory</source>
        <translation>en mémoire</translation>
    </message>
    <message>
        <source>The lease table %1 is open read-only.</source>
        <translation>La table des baux %1 est ouverte en lecture seule.</translation>
    </message>
</context>
<context>
    <name>shardscope::LeaseCoordinator</name>
    <message>
        <source>Renewing the lease of %1 failed: %2</source>
        <translation>Le renouvellement du bail de %1 a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <source>Writing the lease of %1 failed: %2</source>
        <translation>L'écriture du bail de %1 a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <source>Listing the leases failed: %1</source>
        <translation>La liste des baux a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Taking the lease of %1 failed: %2</source>
        <translation>La prise du bail de %1 a échoué&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>shardscope::ConsumerWorker</name>
    <message>
        <source>Processing failed in %1 at record %2 (poison record); retrying from the last checkpoint</source>
        <translation>Le traitement a échoué dans %1 à l’enregistrement %2 (enregistrement empoisonné)&#xa0;; nouvel essai depuis le dernier checkpoint</translation>
    </message>
</context>
<context>
    <name>shardscope::ConsumerGroup</name>
    <message>
        <source>The lease table %1 could not be created: %2</source>
        <translation>La table des baux %1 n’a pas pu être créée&#xa0;: %2</translation>
    </message>
    <message>
        <source>The poison filter does not parse: %1</source>
        <translation>Le filtre des enregistrements empoisonnés est invalide&#xa0;: %1</translation>
    </message>
    <message>
        <source>Creating the leases for the shards of %1 failed: %2</source>
        <translation>La création des baux pour les shards de %1 a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <source>KCL 3.x leader assignment needs a lease table in the local store or in DynamoDB; %1 is neither.</source>
        <translation>L’attribution par leader de KCL 3.x exige une table des baux dans le stockage local ou dans DynamoDB&#xa0;; %1 n’est ni l’un ni l’autre.</translation>
    </message>
    <message>
        <source>its coordinator state: %1</source>
        <translation>son état de coordination&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>shardscope::ShardReadersModel</name>
    <message>
        <source>Trim horizon</source>
        <translation>Trim horizon (le plus ancien)</translation>
    </message>
    <message>
        <source>Shardscope (this app)</source>
        <translation>Shardscope (cette application)</translation>
    </message>
    <message>
        <source>Unknown client</source>
        <translation>Client inconnu</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lit</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <source>Gone</source>
        <translation>Parti</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnue</translation>
    </message>
    <message>
        <source>%1 rec · %2 · %3</source>
        <translation>%1 enr. · %2 · %3</translation>
    </message>
    <message>
        <source>User agent: %1</source>
        <translation>User-Agent : %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Access key id: %1</source>
        <translation>ID de clé d’accès : %1</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>Adresse : %1</translation>
    </message>
    <message>
        <source>this app</source>
        <translation>cette application</translation>
    </message>
    <message>
        <source>No position is known yet.</source>
        <translation>Aucune position n’est encore connue.</translation>
    </message>
    <message>
        <source>Last sequence number read (or where its iterator starts): %1</source>
        <translation>Dernier numéro de séquence lu (ou début de son itérateur) : %1</translation>
    </message>
    <message>
        <source>Readable records after this position: %L1 (%2). The last GetRecords said MillisBehindLatest %L3 ms.</source>
        <translation>Enregistrements lisibles après cette position : %L1 (%2). Le dernier GetRecords indiquait MillisBehindLatest %L3 ms.</translation>
    </message>
    <message>
        <source>Over the last few seconds. In all: %L1 GetRecords calls, %L2 GetShardIterator calls, %L3 records (%4).</source>
        <translation>Sur les dernières secondes. Au total : %L1 appels GetRecords, %L2 appels GetShardIterator, %L3 enregistrements (%4).</translation>
    </message>
    <message>
        <source>GetRecords calls refused with ProvisionedThroughputExceededException (a shard allows 5 calls and 2 MiB a second).</source>
        <translation>Appels GetRecords refusés avec ProvisionedThroughputExceededException (un shard permet 5 appels et 2 Mio par seconde).</translation>
    </message>
    <message>
        <source>GetRecords calls refused with ExpiredIteratorException (an iterator lives 5 minutes).</source>
        <translation>Appels GetRecords refusés avec ExpiredIteratorException (un itérateur vit 5 minutes).</translation>
    </message>
    <message>
        <source>Reading: called within the last 10 s. Idle: not for 10 s. Gone: not for a minute; the row goes after 5 minutes.</source>
        <translation>Lit : appel dans les 10 dernières s. Inactif : aucun depuis 10 s. Parti : aucun depuis une minute ; la ligne disparaît après 5 minutes.</translation>
    </message>
    <message>
        <source>Shard</source>
        <translation>Shard</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Lecteur</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>Retard</translation>
    </message>
    <message>
        <source>Calls/s</source>
        <translation>Appels/s</translation>
    </message>
    <message>
        <source>Records/s</source>
        <translation>Enr./s</translation>
    </message>
    <message>
        <source>Throttled</source>
        <translation>Limités</translation>
    </message>
    <message>
        <source>Expired iterators</source>
        <translation>Itérateurs expirés</translation>
    </message>
    <message>
        <source>Last read</source>
        <translation>Dernière lecture</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>shardscope::ShardReadersView</name>
    <message>
        <source>Readers</source>
        <translation>Lecteurs</translation>
    </message>
    <message>
        <source>Who polls this stream with GetShardIterator and GetRecords, per shard: any client of the emulator, this app included; read every second while this tab is shown. Readers quiet for 10 s are idle, after a minute gone.</source>
        <translation>Qui interroge ce flux avec GetShardIterator et GetRecords, par shard : tout client de l’émulateur, cette application comprise ; lu chaque seconde tant que cet onglet est affiché. Les lecteurs silencieux depuis 10 s sont inactifs, après une minute partis.</translation>
    </message>
    <message>
        <source>%1 does not report readers: Kinesis tells no one which clients call GetRecords. The local emulator lists every reader it serves, through --serve and in this app.</source>
        <translation>%1 n’indique pas ses lecteurs : Kinesis ne dit à personne quels clients appellent GetRecords. L’émulateur local liste chaque lecteur qu’il sert, via --serve et dans cette application.</translation>
    </message>
    <message>
        <source>The readers could not be listed: %1</source>
        <translation>Impossible de lister les lecteurs : %1</translation>
    </message>
    <message>
        <source>Nobody has read this stream in the last 5 minutes. Readers appear here as soon as they call GetShardIterator or GetRecords, through --serve or the Records tab.</source>
        <translation>Personne n’a lu ce flux ces 5 dernières minutes. Les lecteurs apparaissent ici dès qu’ils appellent GetShardIterator ou GetRecords, via --serve ou l’onglet Enregistrements.</translation>
    </message>
</context>
<context>
    <name>shardscope::LeaderElector</name>
    <message>
        <source>Renewing the leader lock failed: %1</source>
        <translation>Le renouvellement du verrou du leader a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Reading the leader lock failed: %1</source>
        <translation>La lecture du verrou du leader a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Taking the leader lock failed: %1</source>
        <translation>La prise du verrou du leader a échoué&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>shardscope::LeaseAssignmentManager</name>
    <message>
        <source>Listing the leases for assignment failed: %1</source>
        <translation>La liste des baux pour l’attribution a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Reading the workers&apos; metric stats failed: %1</source>
        <translation>La lecture des métriques des workers a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Assigning the lease of %1 to %2 failed: %3</source>
        <translation>L’attribution du bail de %1 à %2 a échoué&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>shardscope::LeaseDiscoverer</name>
    <message>
        <source>Listing the leases failed: %1</source>
        <translation>La liste des baux a échoué&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>shardscope::WorkerMetricsReporter</name>
    <message>
        <source>Writing the worker&apos;s metric stats failed: %1</source>
        <translation>L’écriture des métriques du worker a échoué&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>shardscope::SqliteCoordinatorStore</name>
    <message>
        <source>The coordinator store failed: %1</source>
        <translation>Le stockage de coordination a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>SQLite, %1</source>
        <translation>SQLite, %1</translation>
    </message>
    <message>
        <source>in memory</source>
        <translation>en mémoire</translation>
    </message>
    <message>
        <source>The coordinator state of %1 is open read-only.</source>
        <translation>L’état de coordination de %1 est ouvert en lecture seule.</translation>
    </message>
</context>
<context>
    <name>shardscope::DynamoCoordinatorStore</name>
    <message>
        <source>DynamoDB, %1</source>
        <translation>DynamoDB, %1</translation>
    </message>
    <message>
        <source>The coordinator state of %1 is open read-only: %2 was not sent.</source>
        <translation>L’état de coordination de %1 est ouvert en lecture seule&#xa0;: %2 n’a pas été envoyé.</translation>
    </message>
</context>
</TS>
