<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About %s</source>
        <translation>À propos de %s</translation>
    </message>
    <message>
        <source>Version %s</source>
        <translation>Version %s</translation>
    </message>
    <message>
        <source>Learners, referrals, plans and monthly tracking sheets for Ontario Literacy and Basic Skills agencies. Works offline: your data stays on this computer.</source>
        <translation>Apprenants, aiguillages, plans et fiches de suivi mensuelles pour les organismes d&apos;Alphabétisation et formation de base de l&apos;Ontario. Fonctionne hors ligne : vos données restent sur cet ordinateur.</translation>
    </message>
    <message>
        <source>(none open)</source>
        <translation>(aucun ouvert)</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Base de données :</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Dossier des données :</translation>
    </message>
    <message>
        <source>Log folder:</source>
        <translation>Dossier du journal :</translation>
    </message>
    <message>
        <source>Built with:</source>
        <translation>Conçu avec :</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>Ouvrir le dossier des données</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Ouvrir le dossier du journal</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copier les détails</translation>
    </message>
    <message>
        <source>Copy the version and folders, to paste into a message for help</source>
        <translation>Copier la version et les dossiers, pour les coller dans une demande d&apos;aide</translation>
    </message>
</context>
<context>
    <name>AgencyForm</name>
    <message>
        <source>e.g. Maple Valley Literacy Centre</source>
        <translation>p. ex. Centre d&apos;alphabétisation de la Vallée-des-Érables</translation>
    </message>
    <message>
        <source>Your service provider number in EOIS-CaMS, printed on the monthly sheet</source>
        <translation>Votre numéro de fournisseur de services dans EOIS-CaMS, imprimé sur la fiche mensuelle</translation>
    </message>
    <message>
        <source>Central</source>
        <translation>Centre</translation>
    </message>
    <message>
        <source>Eastern</source>
        <translation>Est</translation>
    </message>
    <message>
        <source>Western</source>
        <translation>Ouest</translation>
    </message>
    <message>
        <source>Northern</source>
        <translation>Nord</translation>
    </message>
    <message>
        <source>Screens change language the next time LBS Desk starts; printed forms change now.</source>
        <translation>L&apos;écran change de langue au prochain démarrage de LBS Desk; les formulaires imprimés changent tout de suite.</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Aucun logo</translation>
    </message>
    <message>
        <source>Choose logo…</source>
        <translation>Choisir le logo…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>One name per line</source>
        <translation>Un nom par ligne</translation>
    </message>
    <message>
        <source>Agency &amp;name *</source>
        <translation>&amp;Nom de l&apos;organisme *</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Téléphone</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;Courriel</translation>
    </message>
    <message>
        <source>CaMS service &amp;provider number</source>
        <translation>Numéro de &amp;fournisseur de services CaMS</translation>
    </message>
    <message>
        <source>&amp;Region</source>
        <translation>&amp;Région</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Logo (optional)</source>
        <translation>Logo (facultatif)</translation>
    </message>
    <message>
        <source>&amp;Staff names</source>
        <translation>&amp;Noms du personnel</translation>
    </message>
    <message>
        <source>Agency name: type your agency&apos;s name; it is printed at the top of every form.</source>
        <translation>Nom de l&apos;organisme : tapez le nom de votre organisme; il est imprimé en haut de chaque formulaire.</translation>
    </message>
    <message>
        <source>Choose the agency&apos;s logo</source>
        <translation>Choisir le logo de l&apos;organisme</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.bmp *.gif)</source>
        <translation>Images (*.png *.jpg *.jpeg *.bmp *.gif)</translation>
    </message>
    <message>
        <source>Not a picture</source>
        <translation>Pas une image</translation>
    </message>
    <message>
        <source>%s could not be read as a picture.</source>
        <translation>%s n&apos;a pas pu être lu comme une image.</translation>
    </message>
</context>
<context>
    <name>AgencySettingsPane</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Your agency&apos;s details, printed on forms and monthly sheets.</source>
        <translation>Les renseignements de votre organisme, imprimés sur les formulaires et les fiches mensuelles.</translation>
    </message>
    <message>
        <source>Add staff: one new name per line</source>
        <translation>Ajouter du personnel : un nouveau nom par ligne</translation>
    </message>
    <message>
        <source>Referrals out waiting for a reply</source>
        <translation>Aiguillages sortants en attente de réponse</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>&amp;Awaiting reply after</source>
        <translation>&amp;En attente de réponse après</translation>
    </message>
    <message>
        <source>E&amp;xpired after</source>
        <translation>E&amp;xpiré après</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>&amp;Enregistrer les paramètres</translation>
    </message>
    <message>
        <source>Staff now: %s</source>
        <translation>Personnel actuel : %s</translation>
    </message>
    <message>
        <source>No staff names yet.</source>
        <translation>Aucun nom de membre du personnel pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>Impossible d&apos;enregistrer</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Backup restored</source>
        <translation>Sauvegarde restaurée</translation>
    </message>
    <message>
        <source>Do not show this again for this database</source>
        <translation>Ne plus afficher ce message pour cette base de données</translation>
    </message>
    <message>
        <source>LBS Desk cannot open the database</source>
        <translation>LBS Desk ne peut pas ouvrir la base de données</translation>
    </message>
    <message>
        <source>No sound backup of it was found beside it or in the second backup folder. Keep the file as it is and ask for help: a copy of it may still be rescued.</source>
        <translation>Aucune sauvegarde saine n&apos;a été trouvée à côté ni dans le deuxième dossier de sauvegarde. Gardez le fichier tel quel et demandez de l&apos;aide : une copie peut encore être récupérée.</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Ouvrir en lecture seule</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Restore the backup of %s</source>
        <translation>Restaurer la sauvegarde du %s</translation>
    </message>
    <message>
        <source>The backup made on %s is back: %d learners, %d referrals. The damaged database is kept as %s.</source>
        <translation>La sauvegarde du %s est rétablie : %d apprenants, %d aiguillages. La base de données endommagée est gardée sous %s.</translation>
    </message>
    <message>
        <source>The backup was not restored</source>
        <translation>La sauvegarde n&apos;a pas été restaurée</translation>
    </message>
    <message>
        <source>The database cannot be opened for changes</source>
        <translation>La base de données ne peut pas être ouverte pour être modifiée</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>La base de données est endommagée</translation>
    </message>
    <message>
        <source>The database is on a network folder</source>
        <translation>La base de données est dans un dossier réseau</translation>
    </message>
    <message>
        <source>The newest sound backup was made on %s (%s learners, %s referrals). Restore it? Anything entered after %s will not be in it. The damaged database is kept as a safety copy in the backups folder.</source>
        <translation>La sauvegarde saine la plus récente a été faite le %s (%s apprenants, %s aiguillages). La restaurer? Ce qui a été entré après le %s n&apos;y sera pas. La base de données endommagée est gardée comme copie de sécurité dans le dossier des sauvegardes.</translation>
    </message>
</context>
<context>
    <name>AuditTrailModel</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Ce qui a changé</translation>
    </message>
</context>
<context>
    <name>AuditTrailPanel</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Changes are listed here once the file is saved.</source>
        <translation>Les modifications sont listées ici une fois le dossier enregistré.</translation>
    </message>
    <message>
        <source>%d changes recorded on this file, newest first. Each change names the staff member who was signed in.</source>
        <translation>%d modifications inscrites à ce dossier, la plus récente en premier. Chacune nomme le membre du personnel qui était connecté.</translation>
    </message>
</context>
<context>
    <name>Background</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>BackupSettingsDialog</name>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>Second backup folder: choose a whole folder path (use Choose…).</source>
        <translation>Deuxième dossier de sauvegarde : choisissez le chemin complet d&apos;un dossier (utilisez Choisir…).</translation>
    </message>
</context>
<context>
    <name>BackupSettingsPanel</name>
    <message>
        <source>Second backup folder</source>
        <translation>Deuxième dossier de sauvegarde</translation>
    </message>
    <message>
        <source>None: backups are kept on this PC only</source>
        <translation>Aucun : les sauvegardes restent sur cet ordinateur seulement</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Effacer</translation>
    </message>
    <message>
        <source>&amp;Encrypt the copies in the second folder with a passphrase</source>
        <translation>&amp;Chiffrer les copies du deuxième dossier avec une phrase secrète</translation>
    </message>
    <message>
        <source>A USB stick or a network drive, so that a fire, a theft or a broken disk does not take the backups with the PC. Encrypt the copies when the stick leaves the office: the passphrase is asked once each time LBS Desk starts and is never saved.</source>
        <translation>Une clé USB ou un lecteur réseau, pour qu&apos;un incendie, un vol ou un disque brisé n&apos;emporte pas les sauvegardes avec l&apos;ordinateur. Chiffrez les copies si la clé quitte le bureau : la phrase secrète est demandée une fois à chaque démarrage de LBS Desk et n&apos;est jamais enregistrée.</translation>
    </message>
    <message>
        <source>Automatic backups</source>
        <translation>Sauvegardes automatiques</translation>
    </message>
    <message>
        <source>Made when LBS Desk opens and closes and once a day while it is open, beside the database (in its backups folder). Kept: one a day for a week, one a week for a month, one a month for a year.</source>
        <translation>Faites à l&apos;ouverture et à la fermeture de LBS Desk et une fois par jour pendant qu&apos;il est ouvert, à côté de la base de données (dans son dossier de sauvegardes). Conservées : une par jour pendant une semaine, une par semaine pendant un mois, une par mois pendant un an.</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>Last backup:</source>
        <translation>Dernière sauvegarde :</translation>
    </message>
    <message>
        <source>Second folder:</source>
        <translation>Deuxième dossier :</translation>
    </message>
    <message>
        <source>Not available: this database is not a file on this PC.</source>
        <translation>Non disponible : cette base de données n&apos;est pas un fichier sur cet ordinateur.</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>Aucune sauvegarde pour l&apos;instant</translation>
    </message>
    <message>
        <source>None set</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Connected; last copy %s</source>
        <translation>Branché; dernière copie %s</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Branché</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non branché</translation>
    </message>
    <message>
        <source>Choose the second backup folder</source>
        <translation>Choisir le deuxième dossier de sauvegarde</translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message>
        <source>Made</source>
        <translation>Faite le</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Learners</source>
        <translation>Apprenants</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Aiguillages</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>Safety copy (before a restore)</source>
        <translation>Copie de sécurité (avant une restauration)</translation>
    </message>
    <message>
        <source>Safety copy (before an update)</source>
        <translation>Copie de sécurité (avant une mise à jour)</translation>
    </message>
    <message>
        <source>Damaged database, set aside</source>
        <translation>Base de données endommagée, mise de côté</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>Faite à la main</translation>
    </message>
    <message>
        <source>, encrypted</source>
        <translation>, chiffrée</translation>
    </message>
    <message>
        <source>this PC</source>
        <translation>cet ordinateur</translation>
    </message>
    <message>
        <source>second folder</source>
        <translation>deuxième dossier</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>endommagée</translation>
    </message>
    <message>
        <source>(passphrase)</source>
        <translation>(phrase secrète)</translation>
    </message>
    <message>
        <source>Encrypted: the passphrase is asked when you restore it or look inside.</source>
        <translation>Chiffrée : la phrase secrète est demandée quand vous la restaurez ou la consultez.</translation>
    </message>
</context>
<context>
    <name>CamsDateDialog</name>
    <message>
        <source>Mark keyed into CaMS</source>
        <translation>Marquer comme saisi dans CaMS</translation>
    </message>
    <message>
        <source>Mark 1 referral as keyed into CaMS?</source>
        <translation>Marquer 1 aiguillage comme saisi dans CaMS?</translation>
    </message>
    <message>
        <source>Mark %d referrals as keyed into CaMS?</source>
        <translation>Marquer %d aiguillages comme saisis dans CaMS?</translation>
    </message>
    <message>
        <source>Referrals already marked keep the date they were keyed in.</source>
        <translation>Les aiguillages déjà marqués gardent leur date de saisie.</translation>
    </message>
    <message>
        <source>&amp;Keyed in on</source>
        <translation>&amp;Saisi le</translation>
    </message>
    <message>
        <source>&amp;Mark keyed into CaMS</source>
        <translation>&amp;Marquer comme saisi dans CaMS</translation>
    </message>
    <message>
        <source>enter the day the referrals were keyed in</source>
        <translation>entrez le jour où les aiguillages ont été saisis</translation>
    </message>
    <message>
        <source>Keyed in on: %s</source>
        <translation>Saisi le : %s</translation>
    </message>
</context>
<context>
    <name>CheckInsPanel</name>
    <message>
        <source>%d check-ins; the last one %s (%d days ago)</source>
        <translation>%d prises de nouvelles; la dernière le %s (il y a %d jours)</translation>
    </message>
    <message>
        <source>&amp;Add check-in</source>
        <translation>&amp;Ajouter une prise de nouvelles</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>Add a check-in</source>
        <translation>Ajouter une prise de nouvelles</translation>
    </message>
    <message>
        <source>Check-in added.</source>
        <translation>Prise de nouvelles ajoutée.</translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation>Prises de nouvelles</translation>
    </message>
    <message>
        <source>Check-ins, newest first</source>
        <translation>Prises de nouvelles, la plus récente en premier</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Date of the check-in</source>
        <translation>Date de la prise de nouvelles</translation>
    </message>
    <message>
        <source>For each need ticked you will be offered a referral out.</source>
        <translation>Pour chaque besoin coché, un aiguillage sortant vous sera proposé.</translation>
    </message>
    <message>
        <source>How it is going, attendance, progress, what comes next…</source>
        <translation>Comment ça va, assiduité, progrès, prochaines étapes…</translation>
    </message>
    <message>
        <source>Needs noticed</source>
        <translation>Besoins remarqués</translation>
    </message>
    <message>
        <source>No check-in recorded yet.</source>
        <translation>Aucune prise de nouvelles inscrite pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Start a referral out for %s?

The referral form opens with &quot;%s&quot; as the service requested.</source>
        <translation>Commencer un aiguillage sortant pour %s?

Le formulaire d&apos;aiguillage s&apos;ouvre avec « %s » comme service demandé.</translation>
    </message>
    <message>
        <source>Start a referral out?</source>
        <translation>Commencer un aiguillage sortant?</translation>
    </message>
    <message>
        <source>With</source>
        <translation>Avec</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Record consent to share information</source>
        <translation>Inscrire le consentement à la communication de renseignements</translation>
    </message>
    <message>
        <source>Record what %s agreed to: which partners we may share information with, what, and why.</source>
        <translation>Inscrivez ce que %s a accepté : avec quels partenaires nous pouvons communiquer des renseignements, lesquels et pourquoi.</translation>
    </message>
    <message>
        <source>the learner</source>
        <translation>l&apos;apprenant</translation>
    </message>
    <message>
        <source>Partners named in the consent</source>
        <translation>Partenaires nommés dans le consentement</translation>
    </message>
    <message>
        <source>Referral to %s</source>
        <translation>Aiguillage vers %s</translation>
    </message>
    <message>
        <source>Referrals to partners</source>
        <translation>Aiguillages vers des partenaires</translation>
    </message>
    <message>
        <source>Share &amp;with</source>
        <translation>Communiquer &amp;avec</translation>
    </message>
    <message>
        <source>&amp;Partners named</source>
        <translation>&amp;Partenaires nommés</translation>
    </message>
    <message>
        <source>&amp;How given</source>
        <translation>&amp;Comment donné</translation>
    </message>
    <message>
        <source>&amp;What is shared</source>
        <translation>&amp;Ce qui est communiqué</translation>
    </message>
    <message>
        <source>P&amp;urpose</source>
        <translation>&amp;But</translation>
    </message>
    <message>
        <source>&amp;Given on</source>
        <translation>&amp;Donné le</translation>
    </message>
    <message>
        <source>&amp;Valid until</source>
        <translation>&amp;Valide jusqu&apos;au</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (empty: no end)</source>
        <translation>AAAA-MM-JJ (vide : sans fin)</translation>
    </message>
    <message>
        <source>&amp;Save consent</source>
        <translation>&amp;Enregistrer le consentement</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Donné le</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valide jusqu&apos;au</translation>
    </message>
    <message>
        <source>Name, contact details, and the reason for the referral</source>
        <translation>Nom, coordonnées et raison de l&apos;aiguillage</translation>
    </message>
</context>
<context>
    <name>ConsentTableModel</name>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>With whom</source>
        <translation>Avec qui</translation>
    </message>
    <message>
        <source>How given</source>
        <translation>Comment donné</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Donné le</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valide jusqu&apos;au</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>What is shared, and why</source>
        <translation>Ce qui est communiqué, et pourquoi</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>En vigueur</translation>
    </message>
    <message>
        <source>Not yet in force</source>
        <translation>Pas encore en vigueur</translation>
    </message>
    <message>
        <source>No end date</source>
        <translation>Sans date de fin</translation>
    </message>
</context>
<context>
    <name>DataSafety</name>
    <message>
        <source> (%d learners, %d referrals)</source>
        <translation> (%d apprenants, %d aiguillages)</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>&amp;Sauvegardes…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Files past retention…</source>
        <translation>&amp;Dossiers au-delà de la conservation…</translation>
    </message>
    <message>
        <source>&amp;Look inside a backup (read-only)…</source>
        <translation>&amp;Consulter une sauvegarde (lecture seule)…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <source>(backing up now…)</source>
        <translation>(sauvegarde en cours…)</translation>
    </message>
    <message>
        <source>(choose your name)</source>
        <translation>(choisissez votre nom)</translation>
    </message>
    <message>
        <source>Automatic backup made.</source>
        <translation>Sauvegarde automatique faite.</translation>
    </message>
    <message>
        <source>BACKUP OF %s — READ-ONLY</source>
        <translation>SAUVEGARDE DU %s — LECTURE SEULE</translation>
    </message>
    <message>
        <source>Backup problem</source>
        <translation>Problème de sauvegarde</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Sauvegarde restaurée</translation>
    </message>
    <message>
        <source>Backup restored.</source>
        <translation>Sauvegarde restaurée.</translation>
    </message>
    <message>
        <source>Backup: %s</source>
        <translation>Sauvegarde : %s</translation>
    </message>
    <message>
        <source>Backups: made by the database server</source>
        <translation>Sauvegardes : faites par le serveur de base de données</translation>
    </message>
    <message>
        <source>Click to open the backup settings.</source>
        <translation>Cliquez pour ouvrir les paramètres de sauvegarde.</translation>
    </message>
    <message>
        <source>Go back to the backup made on %s%s?</source>
        <translation>Revenir à la sauvegarde faite le %s%s?</translation>
    </message>
    <message>
        <source>LBS Desk</source>
        <translation>LBS Desk</translation>
    </message>
    <message>
        <source>Last backup: %s</source>
        <translation>Dernière sauvegarde : %s</translation>
    </message>
    <message>
        <source>Last backup: no backup yet</source>
        <translation>Dernière sauvegarde : aucune pour l&apos;instant</translation>
    </message>
    <message>
        <source>No copy went to the second backup folder: its copies are encrypted and no passphrase was given this session. Open the backup settings to give it.</source>
        <translation>Aucune copie n&apos;est allée dans le deuxième dossier de sauvegarde : ses copies sont chiffrées et aucune phrase secrète n&apos;a été donnée pendant cette session. Ouvrez les paramètres de sauvegarde pour la donner.</translation>
    </message>
    <message>
        <source>Nothing can be changed or saved in this window; it is for looking things up.</source>
        <translation>Rien ne peut être modifié ni enregistré dans cette fenêtre; elle sert à consulter.</translation>
    </message>
    <message>
        <source>Nothing here is saved</source>
        <translation>Rien ici n&apos;est enregistré</translation>
    </message>
    <message>
        <source>Opening failed (%s).</source>
        <translation>L&apos;ouverture a échoué (%s).</translation>
    </message>
    <message>
        <source>Opening the backup…</source>
        <translation>Ouverture de la sauvegarde…</translation>
    </message>
    <message>
        <source>READ-ONLY</source>
        <translation>LECTURE SEULE</translation>
    </message>
    <message>
        <source>READ-ONLY: backup of %s</source>
        <translation>LECTURE SEULE : sauvegarde du %s</translation>
    </message>
    <message>
        <source>READ-ONLY: look things up only; nothing can be saved</source>
        <translation>LECTURE SEULE : consultation seulement; rien ne peut être enregistré</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>Restaurer cette sauvegarde?</translation>
    </message>
    <message>
        <source>Restoring failed (%s).</source>
        <translation>La restauration a échoué (%s).</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Restauration de la sauvegarde…</translation>
    </message>
    <message>
        <source>S&amp;taff accounts and sign-in…</source>
        <translation>Comptes du &amp;personnel et connexion…</translation>
    </message>
    <message>
        <source>Second backup folder missing for a week</source>
        <translation>Deuxième dossier de sauvegarde absent depuis une semaine</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Signed in: %s</source>
        <translation>Connecté : %s</translation>
    </message>
    <message>
        <source>The automatic backup failed: %s</source>
        <translation>La sauvegarde automatique a échoué : %s</translation>
    </message>
    <message>
        <source>The backup could not be opened</source>
        <translation>La sauvegarde n&apos;a pas pu être ouverte</translation>
    </message>
    <message>
        <source>The backup made on %s is back: %d learners, %d referrals.</source>
        <translation>La sauvegarde du %s est rétablie : %d apprenants, %d aiguillages.</translation>
    </message>
    <message>
        <source>The backup made on %s is encrypted. Type its passphrase.</source>
        <translation>La sauvegarde du %s est chiffrée. Tapez sa phrase secrète.</translation>
    </message>
    <message>
        <source>The backup was not restored</source>
        <translation>La sauvegarde n&apos;a pas été restaurée</translation>
    </message>
    <message>
        <source>The backups copied to %s are encrypted. Type the passphrase for this session (it is asked once each time LBS Desk starts, and never saved).</source>
        <translation>Les sauvegardes copiées dans %s sont chiffrées. Tapez la phrase secrète pour cette session (elle est demandée une fois à chaque démarrage de LBS Desk et n&apos;est jamais enregistrée).</translation>
    </message>
    <message>
        <source>The database %s will be replaced by this backup: anything entered or changed after %s will no longer be in it.

A safety copy of the database as it is now is kept first, in %s, so this can be undone by restoring that copy.</source>
        <translation>La base de données %s sera remplacée par cette sauvegarde : tout ce qui a été entré ou modifié après le %s n&apos;y sera plus.

Une copie de sécurité de la base telle qu&apos;elle est maintenant est d&apos;abord gardée, dans %s; on peut donc annuler en restaurant cette copie.</translation>
    </message>
    <message>
        <source>The database as it was before is kept as %s.</source>
        <translation>La base de données telle qu&apos;elle était est gardée sous %s.</translation>
    </message>
    <message>
        <source>This window is read-only: restoring needs the copy of LBS Desk that has the database open for changes.</source>
        <translation>Cette fenêtre est en lecture seule : la restauration exige la copie de LBS Desk qui a ouvert la base de données pour la modifier.</translation>
    </message>
    <message>
        <source>Working as</source>
        <translation>Au poste</translation>
    </message>
    <message>
        <source>Working as:</source>
        <translation>Au poste :</translation>
    </message>
</context>
<context>
    <name>DatabaseInUseDialog</name>
    <message>
        <source>The database is already open</source>
        <translation>La base de données est déjà ouverte</translation>
    </message>
    <message>
        <source>Someone else has this database open in LBS Desk</source>
        <translation>Quelqu&apos;un d&apos;autre a ouvert cette base de données dans LBS Desk</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Base de données :</translation>
    </message>
    <message>
        <source>Open by:</source>
        <translation>Ouvert par :</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(inconnu)</translation>
    </message>
    <message>
        <source>%s (this computer)</source>
        <translation>%s (cet ordinateur)</translation>
    </message>
    <message>
        <source>On the computer:</source>
        <translation>Sur l&apos;ordinateur :</translation>
    </message>
    <message>
        <source>Since:</source>
        <translation>Depuis :</translation>
    </message>
    <message>
        <source>another copy of LBS Desk that is still starting</source>
        <translation>une autre copie de LBS Desk qui démarre encore</translation>
    </message>
    <message>
        <source>Only one copy of LBS Desk can change the learner files at a time, so that no one&apos;s work is overwritten. Ask them to close LBS Desk, then open it again here.

Meanwhile you can open the database read-only to look things up: nothing can be changed or saved in that window.</source>
        <translation>Une seule copie de LBS Desk à la fois peut modifier les dossiers des apprenants, pour que le travail de personne ne soit écrasé. Demandez-lui de fermer LBS Desk, puis rouvrez-le ici.

Entre-temps, vous pouvez ouvrir la base de données en lecture seule pour consulter : rien ne peut être modifié ni enregistré dans cette fenêtre.</translation>
    </message>
    <message>
        <source>Open &amp;read-only</source>
        <translation>Ouvrir en &amp;lecture seule</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
</context>
<context>
    <name>DueViewModel</name>
    <message>
        <source> (overdue)</source>
        <translation> (en retard)</translation>
    </message>
    <message>
        <source> — overdue</source>
        <translation> — en retard</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>À faire</translation>
    </message>
    <message>
        <source>Learner ID</source>
        <translation>N° d&apos;apprenant</translation>
    </message>
    <message>
        <source>What is due</source>
        <translation>Ce qui est à faire</translation>
    </message>
</context>
<context>
    <name>DueViewPane</name>
    <message>
        <source>%d lines, %d overdue. </source>
        <translation>%d lignes, %d en retard. </translation>
    </message>
    <message>
        <source>&amp;Print to-do sheet…</source>
        <translation>&amp;Imprimer la liste des tâches…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Could not read what is due: %s</source>
        <translation>Impossible de lire ce qui est à faire : %s</translation>
    </message>
    <message>
        <source>Could not save the to-do sheet</source>
        <translation>Impossible d&apos;enregistrer la liste des tâches</translation>
    </message>
    <message>
        <source>Double-click a line (or press Enter) to open its record.</source>
        <translation>Double-cliquez sur une ligne (ou appuyez sur Entrée) pour ouvrir sa fiche.</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>À faire</translation>
    </message>
    <message>
        <source>Due items, grouped by kind</source>
        <translation>Tâches à faire, groupées par genre</translation>
    </message>
    <message>
        <source>Looking for what is due…</source>
        <translation>Recherche de ce qui est à faire…</translation>
    </message>
    <message>
        <source>Nothing is due.</source>
        <translation>Rien n&apos;est à faire.</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the to-do sheet</source>
        <translation>Enregistrer la liste des tâches</translation>
    </message>
    <message>
        <source>to-do sheet saved</source>
        <translation>liste des tâches enregistrée</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <source>This person may already have a file</source>
        <translation>Cette personne a peut-être déjà un dossier</translation>
    </message>
    <message>
        <source>One existing file looks like the same person.</source>
        <translation>Un dossier existant semble être la même personne.</translation>
    </message>
    <message>
        <source>%d existing files look like the same person.</source>
        <translation>%d dossiers existants semblent être la même personne.</translation>
    </message>
    <message>
        <source>Open the existing file to keep one file per person, or save this one if it is someone else.</source>
        <translation>Ouvrez le dossier existant pour garder un seul dossier par personne, ou enregistrez celui-ci s&apos;il s&apos;agit de quelqu&apos;un d&apos;autre.</translation>
    </message>
    <message>
        <source>Learner ID</source>
        <translation>N° d&apos;apprenant</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Intake date</source>
        <translation>Date d&apos;accueil</translation>
    </message>
    <message>
        <source>Why it may be the same person</source>
        <translation>Pourquoi c&apos;est peut-être la même personne</translation>
    </message>
    <message>
        <source>You are entering</source>
        <translation>Vous entrez</translation>
    </message>
    <message>
        <source>Existing file %d</source>
        <translation>Dossier existant %d</translation>
    </message>
    <message>
        <source>(new)</source>
        <translation>(nouveau)</translation>
    </message>
    <message>
        <source>&amp;Open existing file</source>
        <translation>&amp;Ouvrir le dossier existant</translation>
    </message>
    <message>
        <source>&amp;Save as new anyway</source>
        <translation>&amp;Enregistrer comme nouveau quand même</translation>
    </message>
    <message>
        <source>Go back to the form</source>
        <translation>Revenir au formulaire</translation>
    </message>
    <message>
        <source>&amp;Open existing file %s</source>
        <translation>&amp;Ouvrir le dossier existant %s</translation>
    </message>
</context>
<context>
    <name>ExitFollowUpPanel</name>
    <message>
        <source>%d months</source>
        <translation>%d mois</translation>
    </message>
    <message>
        <source>%d-month follow-up: done on</source>
        <translation>Suivi de %d mois : fait le</translation>
    </message>
    <message>
        <source>%d-month follow-up: outcome</source>
        <translation>Suivi de %d mois : résultat</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Corriger</translation>
    </message>
    <message>
        <source>Correct exit</source>
        <translation>Corriger la sortie</translation>
    </message>
    <message>
        <source>Could not record the exit</source>
        <translation>Impossible d&apos;inscrire la sortie</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Fait le</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>À faire</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>Exit and follow-ups</source>
        <translation>Sortie et suivis</translation>
    </message>
    <message>
        <source>Exit date</source>
        <translation>Date de sortie</translation>
    </message>
    <message>
        <source>Exited on %s.</source>
        <translation>Sorti le %s.</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Follow-ups after the exit</source>
        <translation>Suivis après la sortie</translation>
    </message>
    <message>
        <source>Follow-ups are due 3, 6 and 12 months after the exit; record the exit first.</source>
        <translation>Les suivis sont dus 3, 6 et 12 mois après la sortie; inscrivez d&apos;abord la sortie.</translation>
    </message>
    <message>
        <source>Follow-ups fall due 3, 6 and 12 months after the exit (the same day of the month, or its last day).</source>
        <translation>Les suivis sont dus 3, 6 et 12 mois après la sortie (le même jour du mois, ou son dernier jour).</translation>
    </message>
    <message>
        <source>Goal achieved</source>
        <translation>Objectif atteint</translation>
    </message>
    <message>
        <source>Health or family reasons</source>
        <translation>Raisons de santé ou familiales</translation>
    </message>
    <message>
        <source>Lost contact</source>
        <translation>Contact perdu</translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation>A déménagé</translation>
    </message>
    <message>
        <source>Not asked / no answer</source>
        <translation>Non demandé / sans réponse</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Outcome (working, in training, …)</source>
        <translation>Résultat (au travail, en formation, …)</translation>
    </message>
    <message>
        <source>Outcome at exit</source>
        <translation>Résultat à la sortie</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Inscrire</translation>
    </message>
    <message>
        <source>Record exit</source>
        <translation>Inscrire la sortie</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>The learner is in the program. Recording the exit moves the plan to Closure.</source>
        <translation>L&apos;apprenant est dans le programme. Inscrire la sortie fait passer le plan à l&apos;étape Clôture.</translation>
    </message>
    <message>
        <source>Unable to contact</source>
        <translation>Impossible à joindre</translation>
    </message>
    <message>
        <source>Went to employment</source>
        <translation>A trouvé un emploi</translation>
    </message>
    <message>
        <source>Went to further training</source>
        <translation>A poursuivi sa formation</translation>
    </message>
    <message>
        <source>e.g. employed full time; started college</source>
        <translation>p. ex. emploi à temps plein; a commencé le collège</translation>
    </message>
</context>
<context>
    <name>FirstRunSetupDialog</name>
    <message>
        <source>Welcome to LBS Desk</source>
        <translation>Bienvenue dans LBS Desk</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to LBS Desk&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Bienvenue dans LBS Desk&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Tell LBS Desk about your agency. These details are printed on referral forms and monthly sheets. You can change them later under Settings.</source>
        <translation>Présentez votre organisme à LBS Desk. Ces renseignements sont imprimés sur les formulaires d&apos;aiguillage et les fiches mensuelles. Vous pourrez les modifier plus tard dans Paramètres.</translation>
    </message>
    <message>
        <source>Load demo data to try things out (a fictional agency with %d learners)</source>
        <translation>Charger des données de démonstration pour faire des essais (un organisme fictif de %d apprenants)</translation>
    </message>
    <message>
        <source>Use demo data only in a practice database, never in the one with your real learners.</source>
        <translation>N&apos;utilisez les données de démonstration que dans une base d&apos;essai, jamais dans celle de vos vrais apprenants.</translation>
    </message>
    <message>
        <source>&amp;Start using LBS Desk</source>
        <translation>&amp;Commencer à utiliser LBS Desk</translation>
    </message>
    <message>
        <source>Ask me next time</source>
        <translation>Me le demander la prochaine fois</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>Impossible d&apos;enregistrer</translation>
    </message>
    <message>
        <source>Loading demo data…</source>
        <translation>Chargement des données de démonstration…</translation>
    </message>
    <message>
        <source>Could not load the demo data</source>
        <translation>Impossible de charger les données de démonstration</translation>
    </message>
</context>
<context>
    <name>FiscalYearChart</name>
    <message>
        <source>Counting…</source>
        <translation>Calcul…</translation>
    </message>
    <message>
        <source>Referrals in</source>
        <translation>Aiguillages entrants</translation>
    </message>
    <message>
        <source>Referrals out</source>
        <translation>Aiguillages sortants</translation>
    </message>
    <message>
        <source>Service coordination and referrals, month by month</source>
        <translation>Coordination des services et aiguillages, mois par mois</translation>
    </message>
    <message>
        <source>Service coordination, year to date (right scale)</source>
        <translation>Coordination des services, depuis le début de l&apos;année (échelle de droite)</translation>
    </message>
    <message>
        <source>Target %d%%</source>
        <translation>Cible %d %%</translation>
    </message>
</context>
<context>
    <name>FiscalYearPane</name>
    <message>
        <source>Fiscal year</source>
        <extracomment>How many fiscal years back the chooser offers.</extracomment>
        <translation>Année financière</translation>
    </message>
    <message>
        <source>%s (April to March)</source>
        <translation>%s (d&apos;avril à mars)</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exporter en &amp;CSV…</translation>
    </message>
    <message>
        <source>Export &amp;Excel…</source>
        <translation>Exporter en &amp;Excel…</translation>
    </message>
    <message>
        <source>Service coordination, year to date</source>
        <translation>Coordination des services, depuis le début de l&apos;année</translation>
    </message>
    <message>
        <source>Referrals still needed for 50%</source>
        <translation>Aiguillages encore nécessaires pour 50 %</translation>
    </message>
    <message>
        <source>Plans closed, year to date</source>
        <translation>Plans fermés depuis le début de l&apos;année</translation>
    </message>
    <message>
        <source>Learners served</source>
        <translation>Apprenants servis</translation>
    </message>
    <message>
        <source>Formal referrals in / out</source>
        <translation>Aiguillages officiels entrants / sortants</translation>
    </message>
    <message>
        <source>Months and quarters of the fiscal year</source>
        <translation>Mois et trimestres de l&apos;année financière</translation>
    </message>
    <message>
        <source>Coordination counts plans closed since 1 April, at each month&apos;s end; quarters add up their months; learners served counts each learner once per period. Double-click a month to open its sheet.</source>
        <translation>La coordination compte les plans fermés depuis le 1er avril, à la fin de chaque mois; les trimestres additionnent leurs mois; les apprenants servis comptent chaque apprenant une fois par période. Double-cliquez sur un mois pour ouvrir sa fiche.</translation>
    </message>
    <message>
        <source>Counting %s…</source>
        <translation>Calcul de %s…</translation>
    </message>
    <message>
        <source>Something went wrong: %s</source>
        <translation>Un problème est survenu : %s</translation>
    </message>
    <message>
        <source>Counting stopped.</source>
        <translation>Calcul arrêté.</translation>
    </message>
    <message>
        <source>Counting the fiscal year %s…</source>
        <translation>Calcul de l&apos;année financière %s…</translation>
    </message>
    <message>
        <source>Export the fiscal year to CSV</source>
        <translation>Exporter l&apos;année financière en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export the fiscal year to Excel</source>
        <translation>Exporter l&apos;année financière en Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>The file could not be written to %1: %2. Close it if it is open in Excel, or choose another folder, and try again.</source>
        <translation>Le fichier n&apos;a pas pu être écrit dans %1 : %2. Fermez-le s&apos;il est ouvert dans Excel, ou choisissez un autre dossier, et réessayez.</translation>
    </message>
    <message>
        <source>Saved %s</source>
        <translation>Enregistré %s</translation>
    </message>
</context>
<context>
    <name>FiscalYearTable</name>
    <message>
        <source>Complete</source>
        <translation>Complet</translation>
    </message>
    <message>
        <source>Complete, so far, or not yet</source>
        <translation>Complet, jusqu&apos;ici ou pas encore</translation>
    </message>
    <message>
        <source>Month, quarter or the whole fiscal year</source>
        <translation>Mois, trimestre ou toute l&apos;année financière</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Pas encore</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>So far</source>
        <translation>Jusqu&apos;ici</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>%s (archived)</source>
        <translation>%s (archivé)</translation>
    </message>
    <message>
        <source>&apos;%s&apos; is not a date: write it as YYYY-MM-DD, e.g. 2026-09-14</source>
        <translation>« %s » n&apos;est pas une date : écrivez-la AAAA-MM-JJ, p. ex. 2026-09-14</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Non inscrit</translation>
    </message>
    <message>
        <source>Type a name, learner ID or phone, then choose</source>
        <translation>Tapez un nom, un numéro d&apos;apprenant ou un téléphone, puis choisissez</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
</context>
<context>
    <name>IdleLockOverlay</name>
    <message>
        <source>LBS Desk is locked</source>
        <translation>LBS Desk est verrouillé</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <source>Learner information is hidden because no one used LBS Desk for %d minutes. Sign in to carry on; anything not yet saved is still there.</source>
        <translation>Les renseignements sur les apprenants sont masqués parce que personne n&apos;a utilisé LBS Desk depuis %d minutes. Connectez-vous pour continuer; ce qui n&apos;était pas encore enregistré est toujours là.</translation>
    </message>
</context>
<context>
    <name>InquiryLogPane</name>
    <message>
        <source>Inquiry log</source>
        <translation>Journal des demandes</translation>
    </message>
    <message>
        <source>Inquiries</source>
        <translation>Demandes</translation>
    </message>
    <message>
        <source>Log each call, walk-in or email as it happens. Press Enter to save.</source>
        <translation>Notez chaque appel, visite ou courriel au moment où il arrive. Appuyez sur Entrée pour enregistrer.</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>Non demandé</translation>
    </message>
    <message>
        <source>Referred by: %s</source>
        <translation>Aiguillé par : %s</translation>
    </message>
    <message>
        <source>First name, what they asked about, call-back number…</source>
        <translation>Prénom, objet de la demande, numéro de rappel…</translation>
    </message>
    <message>
        <source>&amp;Log inquiry</source>
        <translation>&amp;Noter une demande</translation>
    </message>
    <message>
        <source>Save this inquiry (Enter or Ctrl+Enter)</source>
        <translation>Enregistrer cette demande (Entrée ou Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>&amp;Moyen</translation>
    </message>
    <message>
        <source>&amp;How they heard</source>
        <translation>&amp;Comment ils nous ont connus</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>Recent inquiries</source>
        <translation>Demandes récentes</translation>
    </message>
    <message>
        <source>&amp;Enrol…</source>
        <translation>&amp;Inscrire…</translation>
    </message>
    <message>
        <source>Start a learner file for the selected inquiry</source>
        <translation>Ouvrir un dossier d&apos;apprenant pour la demande sélectionnée</translation>
    </message>
    <message>
        <source>Logged. Ready for the next one.</source>
        <translation>Noté. Prêt pour la suivante.</translation>
    </message>
    <message>
        <source>Already enrolled</source>
        <translation>Déjà inscrit</translation>
    </message>
    <message>
        <source>This inquiry is already linked to %s.</source>
        <translation>Cette demande est déjà liée à %s.</translation>
    </message>
</context>
<context>
    <name>InquiryTableModel</name>
    <message>
        <source>Date</source>
        <extracomment>The inquiry&apos;s database id (int). The whole ``InquiryRow``.</extracomment>
        <translation>Date</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <source>How they heard</source>
        <translation>Comment ils nous ont connus</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Enrolled as</source>
        <translation>Inscrit sous</translation>
    </message>
    <message>
        <source>Not enrolled</source>
        <translation>Non inscrit</translation>
    </message>
</context>
<context>
    <name>LearnerConsentsPanel</name>
    <message>
        <source>Consents of this learner</source>
        <translation>Consentements de cet apprenant</translation>
    </message>
    <message>
        <source>&amp;Record consent…</source>
        <translation>&amp;Consigner un consentement…</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>&amp;Retirer…</translation>
    </message>
    <message>
        <source>No consent recorded: nothing may be shared with partners yet.</source>
        <translation>Aucun consentement consigné : rien ne peut encore être communiqué aux partenaires.</translation>
    </message>
    <message>
        <source>%d consent(s) in force.</source>
        <translation>%d consentement(s) en vigueur.</translation>
    </message>
    <message>
        <source>No consent in force today: record a new one before referring out.</source>
        <translation>Aucun consentement en vigueur aujourd&apos;hui : consignez-en un nouveau avant d&apos;aiguiller.</translation>
    </message>
    <message>
        <source>Could not withdraw the consent</source>
        <translation>Impossible de retirer le consentement</translation>
    </message>
</context>
<context>
    <name>LearnerEditor</name>
    <message>
        <source>Learner file</source>
        <translation>Dossier de l&apos;apprenant</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save this file (Ctrl+S)</source>
        <translation>Enregistrer ce dossier (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Merge with another file…</source>
        <translation>&amp;Fusionner avec un autre dossier…</translation>
    </message>
    <message>
        <source>Back to list</source>
        <translation>Retour à la liste</translation>
    </message>
    <message>
        <source>Close this file and go back to the list (Esc)</source>
        <translation>Fermer ce dossier et revenir à la liste (Échap)</translation>
    </message>
    <message>
        <source>&amp;Registration</source>
        <extracomment>Registration first; the other parts of the file (plan, referrals, check-ins …) are tabs added by ``add_tab`` and loaded the first time they are shown for a learner.</extracomment>
        <translation>&amp;Inscription</translation>
    </message>
    <message>
        <source>YYYY</source>
        <translation>AAAA</translation>
    </message>
    <message>
        <source>%s: write the year with four digits, e.g. 2009.</source>
        <translation>%s : écrivez l&apos;année en quatre chiffres, p. ex. 2009.</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <source>Learner ID</source>
        <translation>N° d&apos;apprenant</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Preferred name</source>
        <translation>Nom d&apos;usage</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Contact and language</source>
        <translation>Coordonnées et langue</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Street address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Town or city</source>
        <translation>Ville ou village</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>Best way to reach</source>
        <translation>Meilleure façon de joindre</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Non inscrit</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Langue préférée</translation>
    </message>
    <message>
        <source>First language</source>
        <translation>Langue maternelle</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>Education and income</source>
        <translation>Scolarité et revenu</translation>
    </message>
    <message>
        <source>Highest education</source>
        <translation>Plus haut niveau de scolarité</translation>
    </message>
    <message>
        <source>Last year in school</source>
        <translation>Dernière année aux études</translation>
    </message>
    <message>
        <source>Last year in training</source>
        <translation>Dernière année en formation</translation>
    </message>
    <message>
        <source>Interrupted education</source>
        <translation>Scolarité interrompue</translation>
    </message>
    <message>
        <source>Source of income</source>
        <translation>Source de revenu</translation>
    </message>
    <message>
        <source>Self-identified groups</source>
        <translation>Groupes (auto-identification)</translation>
    </message>
    <message>
        <source>Person with a disability</source>
        <translation>Personne handicapée</translation>
    </message>
    <message>
        <source>Indigenous</source>
        <translation>Autochtone</translation>
    </message>
    <message>
        <source>Francophone</source>
        <translation>Francophone</translation>
    </message>
    <message>
        <source>Deaf</source>
        <translation>Sourd</translation>
    </message>
    <message>
        <source>Deaf-blind</source>
        <translation>Sourd-aveugle</translation>
    </message>
    <message>
        <source>Newcomer to Canada</source>
        <translation>Nouvel arrivant au Canada</translation>
    </message>
    <message>
        <source>Visible minority</source>
        <translation>Minorité visible</translation>
    </message>
    <message>
        <source>Former Crown ward</source>
        <translation>Ancien pupille de la Couronne</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Intake date</source>
        <translation>Date d&apos;accueil</translation>
    </message>
    <message>
        <source>Plan stage</source>
        <translation>Étape du plan</translation>
    </message>
    <message>
        <source>Goal path</source>
        <translation>Voie</translation>
    </message>
    <message>
        <source>Not chosen yet</source>
        <translation>Pas encore choisi</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>CaMS plan status</source>
        <translation>État du plan dans CaMS</translation>
    </message>
    <message>
        <source>Not in CaMS yet</source>
        <translation>Pas encore dans CaMS</translation>
    </message>
    <message>
        <source>Exit date</source>
        <translation>Date de sortie</translation>
    </message>
    <message>
        <source>Exit reason</source>
        <translation>Raison de la sortie</translation>
    </message>
    <message>
        <source>Outcome at exit</source>
        <translation>Résultat à la sortie</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>Non demandé</translation>
    </message>
    <message>
        <source>Satisfaction (1–5)</source>
        <translation>Satisfaction (1 à 5)</translation>
    </message>
    <message>
        <source>Consent to share information</source>
        <translation>Consentement à la communication de renseignements</translation>
    </message>
    <message>
        <source>Yes, the learner agreed</source>
        <translation>Oui, l&apos;apprenant a accepté</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Consent to share</source>
        <translation>Consentement à la communication</translation>
    </message>
    <message>
        <source>Date given</source>
        <translation>Date donnée</translation>
    </message>
    <message>
        <source>Suitability indicators</source>
        <translation>Indicateurs d&apos;admissibilité</translation>
    </message>
    <message>
        <source>Worked out from the registration details. Where you know better, choose Yes or No.</source>
        <translation>Calculé à partir des renseignements d&apos;inscription. Si vous savez mieux, choisissez Oui ou Non.</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <source>From registration</source>
        <translation>D&apos;après l&apos;inscription</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Utiliser</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Save the registration first.</source>
        <translation>Enregistrez d&apos;abord l&apos;inscription.</translation>
    </message>
    <message>
        <source>New learner</source>
        <translation>Nouvel apprenant</translation>
    </message>
    <message>
        <source>Learner ID %s will be given when you save.</source>
        <translation>Le numéro d&apos;apprenant %s sera attribué à l&apos;enregistrement.</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Apprenant</translation>
    </message>
    <message>
        <source>Learner ID %s</source>
        <translation>Apprenant n° %s</translation>
    </message>
    <message>
        <source>%s: use</source>
        <translation>%s : utiliser</translation>
    </message>
    <message>
        <source>As worked out</source>
        <translation>Tel que calculé</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Indicators that apply: %d</source>
        <translation>Indicateurs qui s&apos;appliquent : %d</translation>
    </message>
    <message>
        <source>1 problem to fix before saving; it is explained under its field.</source>
        <translation>1 problème à corriger avant d&apos;enregistrer; il est expliqué sous son champ.</translation>
    </message>
    <message>
        <source>%d problems to fix before saving; each is explained under its field.</source>
        <translation>%d problèmes à corriger avant d&apos;enregistrer; chacun est expliqué sous son champ.</translation>
    </message>
    <message>
        <source>Could not check the file</source>
        <translation>Impossible de vérifier le dossier</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>Impossible d&apos;enregistrer</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>This file has changes that are not saved. Save them now?</source>
        <translation>Ce dossier a des modifications non enregistrées. Les enregistrer maintenant?</translation>
    </message>
</context>
<context>
    <name>LearnerListPane</name>
    <message>
        <source>Learners</source>
        <extracomment>learnerFilter item codes (SPEC.md section 6), in the order shown.</extracomment>
        <translation>Apprenants</translation>
    </message>
    <message>
        <source>Search by name, learner ID or phone (Ctrl+F)</source>
        <translation>Chercher par nom, numéro d&apos;apprenant ou téléphone (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search learners</source>
        <translation>Chercher des apprenants</translation>
    </message>
    <message>
        <source>Show which learners</source>
        <translation>Quels apprenants afficher</translation>
    </message>
    <message>
        <source>All learners</source>
        <translation>Tous les apprenants</translation>
    </message>
    <message>
        <source>Active today</source>
        <translation>Actifs aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Exited</source>
        <translation>Sortis</translation>
    </message>
    <message>
        <source>Active, no formal referral yet</source>
        <translation>Actif, pas encore d&apos;aiguillage officiel</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>Suivi dû</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Afficher :</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Chercher :</translation>
    </message>
    <message>
        <source>New learner</source>
        <translation>Nouvel apprenant</translation>
    </message>
    <message>
        <source>Start a new learner file (Ctrl+N)</source>
        <translation>Ouvrir un nouveau dossier d&apos;apprenant (Ctrl+N)</translation>
    </message>
    <message>
        <source>Learner list</source>
        <translation>Liste des apprenants</translation>
    </message>
    <message>
        <source>1 learner shown</source>
        <translation>1 apprenant affiché</translation>
    </message>
    <message>
        <source>%s learners shown</source>
        <translation>%s apprenants affichés</translation>
    </message>
    <message>
        <source>No learner matches “%s”. Try part of the name, the learner ID or the phone number.</source>
        <translation>Aucun apprenant ne correspond à « %s ». Essayez une partie du nom, le numéro d&apos;apprenant ou le numéro de téléphone.</translation>
    </message>
    <message>
        <source>No learners in this list.</source>
        <translation>Aucun apprenant dans cette liste.</translation>
    </message>
</context>
<context>
    <name>LearnerPlanTab</name>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> heures</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> semaines</translation>
    </message>
    <message>
        <source>%d problems to fix before saving; each is explained under its field.</source>
        <translation>%d problèmes à corriger avant d&apos;enregistrer; chacun est expliqué sous son champ.</translation>
    </message>
    <message>
        <source>&amp;Add milestone</source>
        <translation>&amp;Ajouter un jalon</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Plan:</source>
        <translation>&amp;Plan :</translation>
    </message>
    <message>
        <source>&amp;Save plan</source>
        <translation>&amp;Enregistrer le plan</translation>
    </message>
    <message>
        <source>(* counted from the intake date)</source>
        <translation>(* compté à partir de la date d&apos;accueil)</translation>
    </message>
    <message>
        <source>(changes: %s)</source>
        <translation>(modifications : %s)</translation>
    </message>
    <message>
        <source>1 problem to fix before saving; it is explained under its field.</source>
        <translation>1 problème à corriger avant d&apos;enregistrer; il est expliqué sous son champ.</translation>
    </message>
    <message>
        <source>An earlier plan: read only</source>
        <translation>Un plan antérieur : lecture seule</translation>
    </message>
    <message>
        <source>Assessed on</source>
        <translation>Évalué le</translation>
    </message>
    <message>
        <source>Assessment results</source>
        <translation>Résultats de l&apos;évaluation</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Antécédents</translation>
    </message>
    <message>
        <source>Closure is the last stage.</source>
        <translation>La clôture est la dernière étape.</translation>
    </message>
    <message>
        <source>Could not move to the next stage</source>
        <translation>Impossible de passer à l&apos;étape suivante</translation>
    </message>
    <message>
        <source>Could not record the review</source>
        <translation>Impossible d&apos;inscrire la révision</translation>
    </message>
    <message>
        <source>Could not save the plan</source>
        <translation>Impossible d&apos;enregistrer le plan</translation>
    </message>
    <message>
        <source>Could not save the plan summary</source>
        <translation>Impossible d&apos;enregistrer le résumé du plan</translation>
    </message>
    <message>
        <source>Could not start a new plan</source>
        <translation>Impossible de commencer un nouveau plan</translation>
    </message>
    <message>
        <source>Culminating task</source>
        <translation>Tâche culminante</translation>
    </message>
    <message>
        <source>Culminating task and learning activities</source>
        <translation>Tâche culminante et activités d&apos;apprentissage</translation>
    </message>
    <message>
        <source>Double-click a cell (or start typing) to change it. Dates as YYYY-MM-DD; the status follows the dates.</source>
        <translation>Double-cliquez sur une cellule (ou commencez à taper) pour la modifier. Dates au format AAAA-MM-JJ; l&apos;état suit les dates.</translation>
    </message>
    <message>
        <source>Duration and reviews</source>
        <translation>Durée et révisions</translation>
    </message>
    <message>
        <source>Enter the date.</source>
        <translation>Entrez la date.</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Goal and assessment</source>
        <translation>Objectif et évaluation</translation>
    </message>
    <message>
        <source>Goal path</source>
        <translation>Voie</translation>
    </message>
    <message>
        <source>Learner plan</source>
        <translation>Plan d&apos;apprentissage</translation>
    </message>
    <message>
        <source>Learning activities</source>
        <translation>Activités d&apos;apprentissage</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>Jalons</translation>
    </message>
    <message>
        <source>Move %s from %s to %s? The date is the day the learner entered %s.</source>
        <translation>Faire passer %s de %s à %s? La date est le jour où l&apos;apprenant est entré à l&apos;étape %s.</translation>
    </message>
    <message>
        <source>Move to %s</source>
        <translation>Passer à %s</translation>
    </message>
    <message>
        <source>Move to %s…</source>
        <translation>Passer à %s…</translation>
    </message>
    <message>
        <source>Move to next stage…</source>
        <translation>Passer à l&apos;étape suivante…</translation>
    </message>
    <message>
        <source>Move to the next stage</source>
        <translation>Passer à l&apos;étape suivante</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Prochaine révision</translation>
    </message>
    <message>
        <source>Next review due %s</source>
        <translation>Prochaine révision due le %s</translation>
    </message>
    <message>
        <source>No plan has been written yet. Write it with the learner, then save.</source>
        <translation>Aucun plan n&apos;a encore été rédigé. Rédigez-le avec l&apos;apprenant, puis enregistrez.</translation>
    </message>
    <message>
        <source>No review recorded yet.</source>
        <translation>Aucune révision inscrite pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Not chosen yet</source>
        <translation>Pas encore choisi</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Non défini</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Note (facultative)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Plan %d (current, written %s)</source>
        <translation>Plan %d (actuel, rédigé le %s)</translation>
    </message>
    <message>
        <source>Plan %d (earlier, %s to %s)</source>
        <translation>Plan %d (antérieur, du %s au %s)</translation>
    </message>
    <message>
        <source>Plan %d (new, not saved yet)</source>
        <translation>Plan %d (nouveau, pas encore enregistré)</translation>
    </message>
    <message>
        <source>Plan summary saved</source>
        <translation>Résumé du plan enregistré</translation>
    </message>
    <message>
        <source>Planned duration</source>
        <translation>Durée prévue</translation>
    </message>
    <message>
        <source>Planned hours</source>
        <translation>Heures prévues</translation>
    </message>
    <message>
        <source>Print plan summary…</source>
        <translation>Imprimer le résumé du plan…</translation>
    </message>
    <message>
        <source>Record a plan review</source>
        <translation>Inscrire une révision du plan</translation>
    </message>
    <message>
        <source>Record review</source>
        <translation>Inscrire la révision</translation>
    </message>
    <message>
        <source>Record review…</source>
        <translation>Inscrire une révision…</translation>
    </message>
    <message>
        <source>Record that the learner entered the next stage (you confirm the date).</source>
        <translation>Inscrire que l&apos;apprenant est passé à l&apos;étape suivante (vous confirmez la date).</translation>
    </message>
    <message>
        <source>Referral results</source>
        <translation>Résultats des aiguillages</translation>
    </message>
    <message>
        <source>Remove milestone</source>
        <translation>Retirer le jalon</translation>
    </message>
    <message>
        <source>Review every</source>
        <translation>Réviser tous les</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Révisions</translation>
    </message>
    <message>
        <source>Save the plan (Ctrl+S)</source>
        <translation>Enregistrer le plan (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save the plan summary</source>
        <translation>Enregistrer le résumé du plan</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Show the whole history (0)</source>
        <translation>Afficher tout l&apos;historique (0)</translation>
    </message>
    <message>
        <source>Stage history: </source>
        <translation>Historique des étapes : </translation>
    </message>
    <message>
        <source>Stage: %s</source>
        <translation>Étape : %s</translation>
    </message>
    <message>
        <source>Start a new plan</source>
        <translation>Commencer un nouveau plan</translation>
    </message>
    <message>
        <source>Start a new plan…</source>
        <translation>Commencer un nouveau plan…</translation>
    </message>
    <message>
        <source>Start from a copy of the current plan (text and unfinished milestones)</source>
        <translation>Partir d&apos;une copie du plan actuel (texte et jalons non terminés)</translation>
    </message>
    <message>
        <source>Start the new plan</source>
        <translation>Commencer le nouveau plan</translation>
    </message>
    <message>
        <source>Supports and referrals</source>
        <translation>Soutiens et aiguillages</translation>
    </message>
    <message>
        <source>Supports needed</source>
        <translation>Soutiens nécessaires</translation>
    </message>
    <message>
        <source>Task completed on</source>
        <translation>Tâche terminée le</translation>
    </message>
    <message>
        <source>The current plan is kept as an earlier plan (read only) and a new plan starts on this date.</source>
        <translation>Le plan actuel est gardé comme plan antérieur (lecture seule) et un nouveau plan commence à cette date.</translation>
    </message>
    <message>
        <source>The learner has exited: the plan stays in Closure (record follow-ups).</source>
        <translation>L&apos;apprenant est sorti : le plan reste à l&apos;étape Clôture (inscrivez les suivis).</translation>
    </message>
    <message>
        <source>The plan has changes that are not saved. Save them now?</source>
        <translation>Le plan a des modifications non enregistrées. Les enregistrer maintenant?</translation>
    </message>
    <message>
        <source>The review of plan %d with the learner.</source>
        <translation>La révision du plan %d avec l&apos;apprenant.</translation>
    </message>
    <message>
        <source>What changed in the plan (optional)</source>
        <translation>Ce qui a changé dans le plan (facultatif)</translation>
    </message>
    <message>
        <source>Written on</source>
        <translation>Rédigé le</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Zoom in (+, or Ctrl+mouse wheel)</source>
        <translation>Zoom avant (+, ou Ctrl+molette)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Zoom out (−)</source>
        <translation>Zoom arrière (−)</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>en retard</translation>
    </message>
    <message>
        <source>since %s</source>
        <translation>depuis le %s</translation>
    </message>
</context>
<context>
    <name>LearnerReferralsPanel</name>
    <message>
        <source>Referrals of this learner</source>
        <translation>Aiguillages de cet apprenant</translation>
    </message>
    <message>
        <source>New referral &amp;in…</source>
        <translation>Nouvel aiguillage &amp;entrant…</translation>
    </message>
    <message>
        <source>Record that someone referred this learner to us</source>
        <translation>Inscrire que quelqu&apos;un nous a aiguillé cet apprenant</translation>
    </message>
    <message>
        <source>New referral &amp;out…</source>
        <translation>Nouvel aiguillage &amp;sortant…</translation>
    </message>
    <message>
        <source>Refer this learner to a partner</source>
        <translation>Aiguiller cet apprenant vers un partenaire</translation>
    </message>
    <message>
        <source>Save the learner&apos;s file first; then referrals can be added here.</source>
        <translation>Enregistrez d&apos;abord le dossier de l&apos;apprenant; les aiguillages pourront ensuite être ajoutés ici.</translation>
    </message>
    <message>
        <source>No referrals yet.</source>
        <translation>Aucun aiguillage pour l&apos;instant.</translation>
    </message>
    <message>
        <source>%d referrals, %d formal</source>
        <translation>%d aiguillages, %d officiels</translation>
    </message>
</context>
<context>
    <name>LearnerTableModel</name>
    <message>
        <source>ID</source>
        <extracomment>The learner&apos;s database id (int), without fetching the row. The whole ``LearnerRow`` snapshot of the row. The sort key of learner_list.SORT_COLUMNS behind each column (None: not sortable).</extracomment>
        <translation>N°</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Goal path</source>
        <translation>Voie</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>Last referral</source>
        <translation>Aiguillé le</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <source>Click to sort by %s</source>
        <translation>Cliquez pour trier par %s</translation>
    </message>
    <message>
        <source>Exited %s</source>
        <translation>Sorti le %s</translation>
    </message>
    <message>
        <source>Consent expiring</source>
        <translation>Consentement qui expire</translation>
    </message>
    <message>
        <source>Consent missing</source>
        <translation>Consentement manquant</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>Suivi dû</translation>
    </message>
    <message>
        <source>No formal referral</source>
        <translation>Aucun aiguillage officiel</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>C&amp;onsent</source>
        <extracomment>The Due view is loaded again when its page is shown, unless it was loaded this recently.</extracomment>
        <translation>C&amp;onsentement</translation>
    </message>
    <message>
        <source>Re&amp;ferrals</source>
        <translation>&amp;Aiguillages</translation>
    </message>
    <message>
        <source>&amp;Plan and timeline</source>
        <translation>&amp;Plan et chronologie</translation>
    </message>
    <message>
        <source>Check-&amp;ins</source>
        <translation>Prises de &amp;nouvelles</translation>
    </message>
    <message>
        <source>E&amp;xit and follow-ups</source>
        <translation>&amp;Sortie et suivis</translation>
    </message>
    <message>
        <source>C&amp;hanges</source>
        <translation>&amp;Modifications</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>&amp;Learners</source>
        <extracomment>The rail, top to bottom; the View menu gives each page Ctrl+1, Ctrl+2, … in this order.</extracomment>
        <translation>&amp;Apprenants</translation>
    </message>
    <message>
        <source>&amp;Inquiries</source>
        <translation>&amp;Demandes</translation>
    </message>
    <message>
        <source>&amp;Due</source>
        <translation>À &amp;faire</translation>
    </message>
    <message>
        <source>&amp;Referrals</source>
        <translation>Aiguilla&amp;ges</translation>
    </message>
    <message>
        <source>&amp;Partners</source>
        <translation>&amp;Partenaires</translation>
    </message>
    <message>
        <source>&amp;Outreach</source>
        <translation>Sensi&amp;bilisation</translation>
    </message>
    <message>
        <source>&amp;Monthly sheets</source>
        <translation>Fiches &amp;mensuelles</translation>
    </message>
    <message>
        <source>&amp;Fiscal year</source>
        <translation>&amp;Année financière</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <source>Database: %s</source>
        <translation>Base de données : %s</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>Ask about unsaved changes when the window closes (off for --smoke and tests). Remember the window&apos;s layout when it closes (off for --smoke).</extracomment>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New learner</source>
        <translation>&amp;Nouvel apprenant</translation>
    </message>
    <message>
        <source>New &amp;inquiry</source>
        <translation>Nouvelle &amp;demande</translation>
    </message>
    <message>
        <source>&amp;Backup…</source>
        <translation>&amp;Sauvegarde…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifier</translation>
    </message>
    <message>
        <source>&amp;Find learner</source>
        <translation>&amp;Trouver un apprenant</translation>
    </message>
    <message>
        <source>&amp;Save learner file</source>
        <translation>&amp;Enregistrer le dossier</translation>
    </message>
    <message>
        <source>&amp;Merge two learner files…</source>
        <translation>&amp;Fusionner deux dossiers d&apos;apprenants…</translation>
    </message>
    <message>
        <source>Agency &amp;settings</source>
        <translation>&amp;Paramètres de l&apos;organisme</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>Texte plus &amp;grand</translation>
    </message>
    <message>
        <source>S&amp;maller text</source>
        <translation>Texte plus &amp;petit</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About LBS Desk</source>
        <translation>À &amp;propos de LBS Desk</translation>
    </message>
    <message>
        <source>Could not open the file</source>
        <translation>Impossible d&apos;ouvrir le dossier</translation>
    </message>
    <message>
        <source>Saved the file of learner %s.</source>
        <translation>Dossier de l&apos;apprenant %s enregistré.</translation>
    </message>
    <message>
        <source>Merge two learner files</source>
        <translation>Fusionner deux dossiers d&apos;apprenants</translation>
    </message>
    <message>
        <source>First select one of the two files in the learner list, then choose Merge again.</source>
        <translation>Sélectionnez d&apos;abord l&apos;un des deux dossiers dans la liste des apprenants, puis choisissez de nouveau Fusionner.</translation>
    </message>
    <message>
        <source>The two files were merged.</source>
        <translation>Les deux dossiers ont été fusionnés.</translation>
    </message>
    <message>
        <source>Last backup: no backup yet</source>
        <translation>Dernière sauvegarde : aucune pour l&apos;instant</translation>
    </message>
    <message>
        <source>Last backup: %s</source>
        <translation>Dernière sauvegarde : %s</translation>
    </message>
    <message>
        <source>Save a backup copy of the database</source>
        <translation>Enregistrer une copie de sauvegarde de la base de données</translation>
    </message>
    <message>
        <source>LBS Desk backups (*.sqlite3)</source>
        <translation>Sauvegardes LBS Desk (*.sqlite3)</translation>
    </message>
    <message>
        <source>Backup saved to %s</source>
        <translation>Sauvegarde enregistrée dans %s</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>La sauvegarde a échoué</translation>
    </message>
    <message>
        <source>Making a backup…</source>
        <translation>Sauvegarde en cours…</translation>
    </message>
</context>
<context>
    <name>MarkKeyedDialog</name>
    <message>
        <source>Mark keyed into CaMS</source>
        <translation>Marquer comme saisi dans CaMS</translation>
    </message>
    <message numerus="yes">
        <source>Record that %n referral(s) were keyed into EOIS-CaMS. Referrals already marked keep their date.</source>
        <translation>
            <numerusform>Inscrire que %n aiguillage a été saisi dans EOIS-CaMS. Les aiguillages déjà marqués gardent leur date.</numerusform>
            <numerusform>Inscrire que %n aiguillages ont été saisis dans EOIS-CaMS. Les aiguillages déjà marqués gardent leur date.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Keyed in on:</source>
        <translation>&amp;Saisi le :</translation>
    </message>
    <message>
        <source>&amp;Mark keyed in</source>
        <translation>&amp;Marquer comme saisi</translation>
    </message>
    <message>
        <source>Keyed in after %1 ended: they stay on %1&apos;s sheet (it counts what was keyed in by the month&apos;s end) and will not be on the next sheet.</source>
        <translation>Saisis après la fin de %1 : ils restent sur la fiche de %1 (elle compte ce qui était saisi à la fin du mois) et ne seront pas sur la fiche suivante.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge two files of the same person</source>
        <translation>Fusionner deux dossiers de la même personne</translation>
    </message>
    <message>
        <source>Use this when one person has two files. Every referral, note, plan, consent and inquiry of the file you do not keep moves to the one you keep; empty fields of the kept file are filled from the other. The other file then leaves the list.</source>
        <translation>Utilisez ceci quand une personne a deux dossiers. Chaque aiguillage, note, plan, consentement et demande du dossier que vous ne gardez pas passe à celui que vous gardez; les champs vides du dossier gardé sont remplis à partir de l&apos;autre. L&apos;autre dossier quitte ensuite la liste.</translation>
    </message>
    <message>
        <source>Find the other file: name, learner ID or phone</source>
        <translation>Trouvez l&apos;autre dossier : nom, numéro d&apos;apprenant ou téléphone</translation>
    </message>
    <message>
        <source>This file</source>
        <translation>Ce dossier</translation>
    </message>
    <message>
        <source>The other file</source>
        <translation>L&apos;autre dossier</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>&amp;Fusionner…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>… and %d more: type more of the name</source>
        <translation>… et %d de plus : tapez plus de lettres du nom</translation>
    </message>
    <message>
        <source>Merge these files?</source>
        <translation>Fusionner ces dossiers?</translation>
    </message>
    <message>
        <source>Keep %s (%s) and move everything from %s (%s) into it?

The file %s will leave the list. This cannot be undone except by restoring a backup.</source>
        <translation>Garder %s (%s) et y déplacer tout le contenu de %s (%s)?

Le dossier %s quittera la liste. Seule la restauration d&apos;une sauvegarde peut annuler cette opération.</translation>
    </message>
    <message>
        <source>Could not merge</source>
        <translation>Impossible de fusionner</translation>
    </message>
</context>
<context>
    <name>MilestoneTableModel</name>
    <message>
        <source>Attempted</source>
        <translation>Tenté</translation>
    </message>
    <message>
        <source>Competency</source>
        <translation>Compétence</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Milestone (task)</source>
        <translation>Jalon (tâche)</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>MonthLists</name>
    <message>
        <source>%d months after exit</source>
        <translation>%d mois après la sortie</translation>
    </message>
    <message>
        <source>Came to us by</source>
        <translation>Nous est venu par</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>À faire</translation>
    </message>
    <message>
        <source>Enrolled as</source>
        <translation>Inscrit sous</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Formal</source>
        <translation>Officiel</translation>
    </message>
    <message>
        <source>From / to</source>
        <translation>De / vers</translation>
    </message>
    <message>
        <source>Goal path</source>
        <translation>Voie</translation>
    </message>
    <message>
        <source>How they heard</source>
        <translation>Comment ils nous ont connus</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Entrant</translation>
    </message>
    <message>
        <source>Informal</source>
        <translation>Informel</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>Keyed into CaMS</source>
        <translation>Saisi dans CaMS</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Apprenant</translation>
    </message>
    <message>
        <source>Learner ID</source>
        <translation>N° d&apos;apprenant</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Non inscrit</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Pas encore</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Sortant</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Aiguillage</translation>
    </message>
</context>
<context>
    <name>MonthViews</name>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Service coordination %1 against a target of %2</source>
        <translation>Coordination des services : %1 pour une cible de %2</translation>
    </message>
    <message>
        <source>Show the records behind this number</source>
        <translation>Afficher les fiches derrière ce chiffre</translation>
    </message>
    <message>
        <source>target %s</source>
        <translation>cible %s</translation>
    </message>
</context>
<context>
    <name>MonthlySheetPane</name>
    <message>
        <source>Monthly tracking sheet</source>
        <translation>Fiche de suivi mensuelle</translation>
    </message>
    <message>
        <source>◀ &amp;Previous</source>
        <translation>◀ &amp;Précédent</translation>
    </message>
    <message>
        <source>The month before (Alt+P)</source>
        <translation>Le mois précédent (Alt+P)</translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation>&amp;Suivant ▶</translation>
    </message>
    <message>
        <source>The month after (Alt+N)</source>
        <translation>Le mois suivant (Alt+N)</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Plans closed this fiscal year</source>
        <translation>Plans fermés cette année financière</translation>
    </message>
    <message>
        <source>with a formal referral</source>
        <translation>avec un aiguillage officiel</translation>
    </message>
    <message>
        <source>formal referrals on them</source>
        <translation>aiguillages officiels sur ces plans</translation>
    </message>
    <message>
        <source>referrals still needed</source>
        <translation>aiguillages encore nécessaires</translation>
    </message>
    <message>
        <source>Inquiries</source>
        <translation>Demandes</translation>
    </message>
    <message>
        <source>Learners</source>
        <translation>Apprenants</translation>
    </message>
    <message>
        <source>Referrals in</source>
        <translation>Aiguillages entrants</translation>
    </message>
    <message>
        <source>Referrals out</source>
        <translation>Aiguillages sortants</translation>
    </message>
    <message>
        <source>Active learners with no formal referral</source>
        <translation>Apprenants actifs sans aiguillage officiel</translation>
    </message>
    <message>
        <source>Formal referrals not yet keyed into CaMS</source>
        <translation>Aiguillages officiels pas encore saisis dans CaMS</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>Suivis dus</translation>
    </message>
    <message>
        <source>Active on the month&apos;s last day with no formal referral (in or out) yet. Call them: a referral planned with the learner counts toward service coordination once their plan closes.</source>
        <translation>Actifs le dernier jour du mois sans aiguillage officiel (entrant ou sortant). Appelez-les : un aiguillage planifié avec l&apos;apprenant compte pour la coordination des services une fois son plan fermé.</translation>
    </message>
    <message>
        <source>Formal referrals dated up to the month&apos;s end that were not keyed into EOIS-CaMS by then. Select the ones you have keyed in (or none for all) and mark them.</source>
        <translation>Aiguillages officiels datés jusqu&apos;à la fin du mois qui n&apos;étaient pas saisis dans EOIS-CaMS à cette date. Sélectionnez ceux que vous avez saisis (ou aucun pour tous) et marquez-les.</translation>
    </message>
    <message>
        <source>3-, 6- and 12-month follow-ups falling due this month, not yet recorded.</source>
        <translation>Suivis de 3, 6 et 12 mois dus ce mois-ci, pas encore inscrits.</translation>
    </message>
    <message>
        <source>Mark keyed into &amp;CaMS…</source>
        <translation>Marquer comme saisi dans &amp;CaMS…</translation>
    </message>
    <message>
        <source>C&amp;lose month…</source>
        <translation>&amp;Fermer le mois…</translation>
    </message>
    <message>
        <source>&amp;Reopen…</source>
        <translation>&amp;Rouvrir…</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>&amp;Aperçu avant impression…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>Enregistrer en P&amp;DF…</translation>
    </message>
    <message>
        <source>Counting %s…</source>
        <translation>Calcul de %s…</translation>
    </message>
    <message>
        <source>Counting stopped.</source>
        <translation>Calcul arrêté.</translation>
    </message>
    <message>
        <source>Counting the figures of %s…</source>
        <translation>Calcul des chiffres de %s…</translation>
    </message>
    <message>
        <source>Something went wrong: %s</source>
        <translation>Un problème est survenu : %s</translation>
    </message>
    <message>
        <source>Prints the sheet exactly as filed when the month was closed</source>
        <translation>Imprime la fiche exactement telle que classée à la fermeture du mois</translation>
    </message>
    <message numerus="yes">
        <source>Prints the sheet and %n referral form(s) dated in the month</source>
        <translation>
            <numerusform>Imprime la fiche et %n formulaire d&apos;aiguillage daté du mois</numerusform>
            <numerusform>Imprime la fiche et %n formulaires d&apos;aiguillage datés du mois</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Fermé</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Rouvert</translation>
    </message>
    <message>
        <source>nobody signed in</source>
        <translation>personne n&apos;est connecté</translation>
    </message>
    <message>
        <source>Closed on %1 by %2.</source>
        <translation>Fermé le %1 par %2.</translation>
    </message>
    <message>
        <source>These are the figures as printed and filed, not today&apos;s.</source>
        <translation>Voici les chiffres tels qu&apos;imprimés et classés, pas ceux d&apos;aujourd&apos;hui.</translation>
    </message>
    <message>
        <source>Changed since it was closed</source>
        <translation>Modifié depuis sa fermeture</translation>
    </message>
    <message>
        <source>(listed as amendments on the %s sheet):</source>
        <translation>(inscrits comme corrections sur la fiche de %s) :</translation>
    </message>
    <message>
        <source>Reopened on %1 by %2:</source>
        <translation>Rouvert le %1 par %2 :</translation>
    </message>
    <message>
        <source>Showing today&apos;s figures. Close the month again when it is ready.</source>
        <translation>Chiffres d&apos;aujourd&apos;hui affichés. Refermez le mois quand il sera prêt.</translation>
    </message>
    <message>
        <source>Service coordination
fiscal year %s to date</source>
        <translation>Coordination des services
année financière %s à ce jour</translation>
    </message>
    <message>
        <source>No plans have closed yet this fiscal year: the percentage counts closed plans only.</source>
        <translation>Aucun plan n&apos;a encore été fermé cette année financière : le pourcentage ne compte que les plans fermés.</translation>
    </message>
    <message>
        <source>%1 of %2 plans closed this fiscal year had a formal referral. %3 more closed plans with a formal referral are needed to reach the %4% target.</source>
        <translation>%1 des %2 plans fermés cette année financière avaient un aiguillage officiel. Il faut encore %3 plans fermés avec un aiguillage officiel pour atteindre la cible de %4 %.</translation>
    </message>
    <message>
        <source>%1 of %2 plans closed this fiscal year had a formal referral: the %4% target is met.</source>
        <translation>%1 des %2 plans fermés cette année financière avaient un aiguillage officiel : la cible de %4 % est atteinte.</translation>
    </message>
    <message>
        <source>Show the active learners with no formal referral yet</source>
        <translation>Afficher les apprenants actifs qui n&apos;ont pas encore d&apos;aiguillage officiel</translation>
    </message>
    <message>
        <source>Inquiries this month</source>
        <translation>Demandes ce mois-ci</translation>
    </message>
    <message>
        <source>of them enrolled</source>
        <translation>se sont inscrits</translation>
    </message>
    <message>
        <source>By channel</source>
        <translation>Par moyen</translation>
    </message>
    <message>
        <source>How people heard of us</source>
        <translation>Comment on nous a connus</translation>
    </message>
    <message>
        <source>Active in the month</source>
        <translation>Actifs durant le mois</translation>
    </message>
    <message>
        <source>New (intake this month)</source>
        <translation>Nouveaux (accueillis ce mois-ci)</translation>
    </message>
    <message>
        <source>Exited (plans closed)</source>
        <translation>Sortis (plans fermés)</translation>
    </message>
    <message>
        <source>Active learners by goal path</source>
        <translation>Apprenants actifs par voie</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Non inscrit</translation>
    </message>
    <message>
        <source>Referrals this month</source>
        <translation>Aiguillages ce mois-ci</translation>
    </message>
    <message>
        <source>Formal (these count)</source>
        <translation>Officiels (ils comptent)</translation>
    </message>
    <message>
        <source>Informal (do not count)</source>
        <translation>Informels (ne comptent pas)</translation>
    </message>
    <message>
        <source>From whom</source>
        <translation>De qui</translation>
    </message>
    <message>
        <source>To whom</source>
        <translation>À qui</translation>
    </message>
    <message>
        <source>%s (informal)</source>
        <translation>%s (informel)</translation>
    </message>
    <message>
        <source>To call: no formal referral</source>
        <translation>À appeler : aucun aiguillage officiel</translation>
    </message>
    <message>
        <source>Not keyed into CaMS</source>
        <translation>Non saisi dans CaMS</translation>
    </message>
    <message>
        <source>Freeze the figures and keep the printed sheet</source>
        <translation>Figer les chiffres et garder la fiche imprimée</translation>
    </message>
    <message>
        <source>Reopen a closed month, saying why</source>
        <translation>Rouvrir un mois fermé, en disant pourquoi</translation>
    </message>
    <message>
        <source>Only a closed month can be reopened</source>
        <translation>Seul un mois fermé peut être rouvert</translation>
    </message>
    <message>
        <source>Finding the records…</source>
        <translation>Recherche des fiches…</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open a learner&apos;s file.</source>
        <translation>Double-cliquez ou appuyez sur Entrée pour ouvrir le dossier d&apos;un apprenant.</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open a referral.</source>
        <translation>Double-cliquez ou appuyez sur Entrée pour ouvrir un aiguillage.</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the file of an inquiry that enrolled.</source>
        <translation>Double-cliquez ou appuyez sur Entrée pour ouvrir le dossier d&apos;une demande qui a mené à une inscription.</translation>
    </message>
    <message>
        <source>The month is closed: the sheet shows %1; these are the records as they stand today. </source>
        <translation>Le mois est fermé : la fiche indique %1; voici les fiches telles qu&apos;elles sont aujourd&apos;hui. </translation>
    </message>
    <message>
        <source>Mark keyed into CaMS</source>
        <translation>Marquer comme saisi dans CaMS</translation>
    </message>
    <message>
        <source>The chosen referrals are already marked as keyed into CaMS (after the month ended).</source>
        <translation>Les aiguillages choisis sont déjà marqués comme saisis dans CaMS (après la fin du mois).</translation>
    </message>
    <message>
        <source>Close %s</source>
        <translation>Fermer %s</translation>
    </message>
    <message>
        <source>Close %s?</source>
        <translation>Fermer %s?</translation>
    </message>
    <message numerus="yes">
        <source>The figures on screen are frozen and the tracking sheet is printed to the database with its %n referral form(s), with your name and the time. Anything changed later is listed as an amendment on next month&apos;s sheet. A closed month can be reopened, with a reason.</source>
        <translation>
            <numerusform>Les chiffres à l&apos;écran sont figés et la fiche de suivi est imprimée dans la base de données avec son formulaire d&apos;aiguillage (%n), votre nom et l&apos;heure. Toute modification ultérieure sera inscrite comme correction sur la fiche du mois suivant. Un mois fermé peut être rouvert, avec une raison.</numerusform>
            <numerusform>Les chiffres à l&apos;écran sont figés et la fiche de suivi est imprimée dans la base de données avec ses %n formulaires d&apos;aiguillage, votre nom et l&apos;heure. Toute modification ultérieure sera inscrite comme correction sur la fiche du mois suivant. Un mois fermé peut être rouvert, avec une raison.</numerusform>
        </translation>
    </message>
    <message>
        <source>Close the month</source>
        <translation>Fermer le mois</translation>
    </message>
    <message>
        <source>Closing %s: printing the sheet and its referral forms…</source>
        <translation>Fermeture de %s : impression de la fiche et de ses formulaires d&apos;aiguillage…</translation>
    </message>
    <message>
        <source>Monthly tracking sheet %s</source>
        <translation>Fiche de suivi mensuelle %s</translation>
    </message>
    <message>
        <source>Reading the sheet printed when %s was closed…</source>
        <translation>Lecture de la fiche imprimée à la fermeture de %s…</translation>
    </message>
    <message>
        <source>Preparing the tracking sheet of %s and its referral forms…</source>
        <translation>Préparation de la fiche de suivi de %s et de ses formulaires d&apos;aiguillage…</translation>
    </message>
    <message>
        <source>… and %d more</source>
        <translation>… et %d de plus</translation>
    </message>
</context>
<context>
    <name>OutreachLogPane</name>
    <message>
        <source>Outreach log</source>
        <translation>Journal de sensibilisation</translation>
    </message>
    <message>
        <source>Outreach</source>
        <translation>Sensibilisation</translation>
    </message>
    <message>
        <source>Presentations, staff-meeting visits, networking, committees, brochure drops and email campaigns. Tick the partners each one reached to see who referred learners to us in the 90 days after.</source>
        <translation>Présentations, visites aux réunions d&apos;équipe, réseautage, comités, distribution de dépliants et campagnes par courriel. Cochez les partenaires joints par chacune pour voir qui nous a aiguillé des apprenants dans les 90 jours suivants.</translation>
    </message>
    <message>
        <source>e.g. Presentation to the Ontario Works caseworkers</source>
        <translation>p. ex. Présentation aux agents d&apos;Ontario au travail</translation>
    </message>
    <message>
        <source>Not counted</source>
        <translation>Non compté</translation>
    </message>
    <message>
        <source>Type to narrow the partner list</source>
        <translation>Tapez pour restreindre la liste des partenaires</translation>
    </message>
    <message>
        <source>Partners reached</source>
        <translation>Partenaires joints</translation>
    </message>
    <message>
        <source>&amp;Date *</source>
        <translation>&amp;Date *</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Genre</translation>
    </message>
    <message>
        <source>&amp;Title *</source>
        <translation>&amp;Titre *</translation>
    </message>
    <message>
        <source>&amp;Staff</source>
        <translation>&amp;Personnel</translation>
    </message>
    <message>
        <source>&amp;People reached</source>
        <translation>&amp;Personnes jointes</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>Partners &amp;reached</source>
        <translation>Partenaires &amp;joints</translation>
    </message>
    <message>
        <source>N&amp;ew activity</source>
        <translation>&amp;Nouvelle activité</translation>
    </message>
    <message>
        <source>S&amp;ave activity</source>
        <translation>&amp;Enregistrer l&apos;activité</translation>
    </message>
    <message>
        <source>Save this activity (Ctrl+S, or Enter in the title)</source>
        <translation>Enregistrer cette activité (Ctrl+S, ou Entrée dans le titre)</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Outreach activities</source>
        <translation>Activités de sensibilisation</translation>
    </message>
    <message>
        <source>Referrals that followed, by partner</source>
        <translation>Aiguillages qui ont suivi, par partenaire</translation>
    </message>
    <message>
        <source>Partner reached</source>
        <translation>Partenaire joint</translation>
    </message>
    <message>
        <source>Referrals in</source>
        <translation>Aiguillages entrants</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Chiffres</translation>
    </message>
    <message>
        <source>Referrals in within 90 days, by partner reached</source>
        <translation>Aiguillages entrants dans les 90 jours, par partenaire joint</translation>
    </message>
    <message>
        <source>Double-click a line to open its first referral.</source>
        <translation>Double-cliquez sur une ligne pour ouvrir son premier aiguillage.</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Non inscrit</translation>
    </message>
    <message>
        <source>%s (former)</source>
        <translation>%s (ancien)</translation>
    </message>
    <message>
        <source>1 activity</source>
        <translation>1 activité</translation>
    </message>
    <message>
        <source>%d activities</source>
        <translation>%d activités</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>aucun pour l&apos;instant</translation>
    </message>
    <message>
        <source>%d (%d formal)</source>
        <translation>%d (%d officiels)</translation>
    </message>
    <message>
        <source>1 partner ticked</source>
        <translation>1 partenaire coché</translation>
    </message>
    <message>
        <source>%d partners ticked</source>
        <translation>%d partenaires cochés</translation>
    </message>
    <message>
        <source>Date: %s</source>
        <translation>Date : %s</translation>
    </message>
    <message>
        <source>Not saved: fix what is shown in red.</source>
        <translation>Non enregistré : corrigez ce qui est en rouge.</translation>
    </message>
    <message>
        <source>Could not save the activity</source>
        <translation>Impossible d&apos;enregistrer l&apos;activité</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Delete activity</source>
        <translation>Supprimer l&apos;activité</translation>
    </message>
    <message>
        <source>Delete “%s” from the outreach log? The partners stay in the directory.</source>
        <translation>Supprimer « %s » du journal de sensibilisation? Les partenaires restent dans le répertoire.</translation>
    </message>
    <message>
        <source>Could not delete the activity</source>
        <translation>Impossible de supprimer l&apos;activité</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>Supprimé.</translation>
    </message>
</context>
<context>
    <name>OutreachTableModel</name>
    <message>
        <source>Date</source>
        <extracomment>The activity&apos;s database id (int). The whole ``OutreachRow`` snapshot.</extracomment>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>Partners reached</source>
        <translation>Partenaires joints</translation>
    </message>
    <message>
        <source>Referrals in within 90 days</source>
        <translation>Aiguillages entrants dans les 90 jours</translation>
    </message>
    <message>
        <source>%d (%d formal)</source>
        <translation>%d (%d officiels)</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>aucun pour l&apos;instant</translation>
    </message>
</context>
<context>
    <name>PartnerDirectoryPane</name>
    <message>
        <source>Partner directory</source>
        <translation>Répertoire des partenaires</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <source>&amp;New partner</source>
        <translation>&amp;Nouveau partenaire</translation>
    </message>
    <message>
        <source>Name, program, service or contact</source>
        <translation>Nom, programme, service ou personne-ressource</translation>
    </message>
    <message>
        <source>Search partners</source>
        <translation>Chercher des partenaires</translation>
    </message>
    <message>
        <source>Organization type</source>
        <translation>Type d&apos;organisme</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Show &amp;archived</source>
        <translation>Afficher les &amp;archivés</translation>
    </message>
    <message>
        <source>Partner list</source>
        <translation>Liste des partenaires</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Chercher :</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>T&amp;ype :</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save this partner (Ctrl+S)</source>
        <translation>Enregistrer ce partenaire (Ctrl+S)</translation>
    </message>
    <message>
        <source>Archi&amp;ve</source>
        <translation>Archi&amp;ver</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>&amp;Refer a learner here…</source>
        <translation>&amp;Aiguiller un apprenant vers ce partenaire…</translation>
    </message>
    <message>
        <source>&amp;1 Details</source>
        <translation>&amp;1 Détails</translation>
    </message>
    <message>
        <source>&amp;2 Programs and contacts</source>
        <translation>&amp;2 Programmes et personnes-ressources</translation>
    </message>
    <message>
        <source>&amp;3 Coordination</source>
        <translation>&amp;3 Coordination</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <source>Partner &amp;ID</source>
        <translation>N° du &amp;partenaire</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>No&amp;m</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>Choose a type</source>
        <translation>Choisissez un type</translation>
    </message>
    <message>
        <source>Main pro&amp;gram</source>
        <translation>Pro&amp;gramme principal</translation>
    </message>
    <message>
        <source>Main &amp;contact</source>
        <translation>&amp;Personne-ressource principale</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Téléphone</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;Courriel</translation>
    </message>
    <message>
        <source>Add&amp;ress</source>
        <translation>Ad&amp;resse</translation>
    </message>
    <message>
        <source>&amp;Website</source>
        <translation>Site &amp;Web</translation>
    </message>
    <message>
        <source>Services o&amp;ffered</source>
        <translation>Services &amp;offerts</translation>
    </message>
    <message>
        <source>Agreement and listing</source>
        <translation>Entente et fiche</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Entente</translation>
    </message>
    <message>
        <source>Signed partnership agreement or referral &amp;protocol</source>
        <translation>Entente de partenariat ou &amp;protocole d&apos;aiguillage signé</translation>
    </message>
    <message>
        <source>Agreement &amp;date</source>
        <translation>&amp;Date de l&apos;entente</translation>
    </message>
    <message>
        <source>Co-located</source>
        <translation>Sur place</translation>
    </message>
    <message>
        <source>Shares our &amp;office</source>
        <translation>Partage nos &amp;locaux</translation>
    </message>
    <message>
        <source>&amp;Listing checked</source>
        <translation>&amp;Fiche vérifiée</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Retirer la ligne</translation>
    </message>
    <message>
        <source>Programs and services</source>
        <translation>Programmes et services</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Who is eligible</source>
        <translation>Qui est admissible</translation>
    </message>
    <message>
        <source>Add pro&amp;gram</source>
        <translation>Ajouter un pro&amp;gramme</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Personnes-ressources</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Add con&amp;tact</source>
        <translation>Ajouter une &amp;personne-ressource</translation>
    </message>
    <message>
        <source>Coordination this fiscal year</source>
        <translation>Coordination cette année financière</translation>
    </message>
    <message>
        <source>Referrals in that followed our outreach (within 90 days)</source>
        <translation>Aiguillages entrants qui ont suivi notre sensibilisation (dans les 90 jours)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Outreach</source>
        <translation>Sensibilisation</translation>
    </message>
    <message>
        <source>Referrals in</source>
        <translation>Aiguillages entrants</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Chiffres</translation>
    </message>
    <message>
        <source>Referrals with this partner</source>
        <translation>Aiguillages avec ce partenaire</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open a referral.</source>
        <translation>Double-cliquez ou appuyez sur Entrée pour ouvrir un aiguillage.</translation>
    </message>
    <message>
        <source>1 partner</source>
        <translation>1 partenaire</translation>
    </message>
    <message>
        <source>%d partners</source>
        <translation>%d partenaires</translation>
    </message>
    <message>
        <source>No partner matches “%s”. Try part of the name, a program or a contact.</source>
        <translation>Aucun partenaire ne correspond à « %s ». Essayez une partie du nom, un programme ou une personne-ressource.</translation>
    </message>
    <message>
        <source>No partners in this list.</source>
        <translation>Aucun partenaire dans cette liste.</translation>
    </message>
    <message>
        <source>New partner</source>
        <translation>Nouveau partenaire</translation>
    </message>
    <message>
        <source>Archived: not offered on new referrals</source>
        <translation>Archivé : n&apos;est pas proposé pour les nouveaux aiguillages</translation>
    </message>
    <message>
        <source>Fields marked * are required.</source>
        <translation>Les champs marqués d&apos;un * sont obligatoires.</translation>
    </message>
    <message>
        <source>Resto&amp;re</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>Save the partner to see the referrals and outreach with it.</source>
        <translation>Enregistrez le partenaire pour voir les aiguillages et la sensibilisation qui le concernent.</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>aucun pour l&apos;instant</translation>
    </message>
    <message>
        <source>&lt;table cellspacing=&apos;0&apos; cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;td colspan=&apos;2&apos;&gt;&lt;b&gt;Fiscal year %s&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Referrals in from them:&lt;/td&gt;&lt;td&gt;&lt;b&gt;%d&lt;/b&gt; (%d formal, %d informal)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Referrals out to them:&lt;/td&gt;&lt;td&gt;&lt;b&gt;%d&lt;/b&gt; (%d formal, %d informal)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Outreach that reached them:&lt;/td&gt;&lt;td&gt;&lt;b&gt;%d&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Last referral:&lt;/td&gt;&lt;td&gt;%s&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Last outreach:&lt;/td&gt;&lt;td&gt;%s&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellspacing=&apos;0&apos; cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;td colspan=&apos;2&apos;&gt;&lt;b&gt;Année financière %s&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Aiguillages reçus de ce partenaire :&lt;/td&gt;&lt;td&gt;&lt;b&gt;%d&lt;/b&gt; (%d officiels, %d informels)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Aiguillages envoyés à ce partenaire :&lt;/td&gt;&lt;td&gt;&lt;b&gt;%d&lt;/b&gt; (%d officiels, %d informels)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Activités de sensibilisation qui l&apos;ont joint :&lt;/td&gt;&lt;td&gt;&lt;b&gt;%d&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Dernier aiguillage :&lt;/td&gt;&lt;td&gt;%s&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Dernière sensibilisation :&lt;/td&gt;&lt;td&gt;%s&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>%d (%d formal)</source>
        <translation>%d (%d officiels)</translation>
    </message>
    <message>
        <source>Agreement date</source>
        <translation>Date de l&apos;entente</translation>
    </message>
    <message>
        <source>Listing checked</source>
        <translation>Fiche vérifiée</translation>
    </message>
    <message>
        <source>Could not save the partner</source>
        <translation>Impossible d&apos;enregistrer le partenaire</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>1 problem to fix before saving; it is explained under its field.</source>
        <translation>1 problème à corriger avant d&apos;enregistrer; il est expliqué sous son champ.</translation>
    </message>
    <message>
        <source>%d problems to fix before saving; each is explained under its field.</source>
        <translation>%d problèmes à corriger avant d&apos;enregistrer; chacun est expliqué sous son champ.</translation>
    </message>
    <message>
        <source>This partner has changes that are not saved. Save them now?</source>
        <translation>Ce partenaire a des modifications non enregistrées. Les enregistrer maintenant?</translation>
    </message>
    <message>
        <source>Could not archive the partner</source>
        <translation>Impossible d&apos;archiver le partenaire</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restaurée</translation>
    </message>
    <message>
        <source>Delete partner</source>
        <translation>Supprimer le partenaire</translation>
    </message>
    <message>
        <source>Delete %s from the directory for good?</source>
        <translation>Supprimer définitivement %s du répertoire?</translation>
    </message>
    <message>
        <source>Cannot delete this partner</source>
        <translation>Impossible de supprimer ce partenaire</translation>
    </message>
    <message>
        <source>Archive it</source>
        <translation>L&apos;archiver</translation>
    </message>
    <message>
        <source>%s was deleted</source>
        <translation>%s a été supprimé</translation>
    </message>
</context>
<context>
    <name>PartnerTableModel</name>
    <message>
        <source>Name</source>
        <extracomment>The partner&apos;s database id (int). The whole ``PartnerRow`` snapshot.</extracomment>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Personne-ressource</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Entente</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
    <message>
        <source>Shares our office</source>
        <translation>Partage nos locaux</translation>
    </message>
    <message>
        <source> (archived)</source>
        <translation> (archivé)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Backup passphrase</source>
        <extracomment>Declared here with their defaults (the data-safety settings; see settings.py for the others). Databases (paths, one per line) whose network-folder warning the person asked not to see again.</extracomment>
        <translation>Phrase secrète des sauvegardes</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Phrase secrète</translation>
    </message>
    <message>
        <source>&amp;Type it again</source>
        <translation>&amp;Retapez-le</translation>
    </message>
    <message>
        <source>At least %d characters. Write it down and keep it somewhere safe: without it the encrypted backups cannot be restored. LBS Desk never saves it.</source>
        <translation>Au moins %d caractères. Notez-la et gardez-la en lieu sûr : sans elle, les sauvegardes chiffrées ne peuvent pas être restaurées. LBS Desk ne l&apos;enregistre jamais.</translation>
    </message>
    <message>
        <source>Passphrase: type it, or choose Cancel.</source>
        <translation>Phrase secrète : tapez-la, ou choisissez Annuler.</translation>
    </message>
    <message>
        <source>Passphrase: use at least %d characters (this one has %d).</source>
        <translation>Phrase secrète : utilisez au moins %d caractères (celle-ci en a %d).</translation>
    </message>
    <message>
        <source>The two passphrases differ: type the same one twice.</source>
        <translation>Les deux phrases secrètes diffèrent : tapez la même deux fois.</translation>
    </message>
</context>
<context>
    <name>PlanTimeline</name>
    <message>
        <source>%d events from %s to %s; use Left and Right to move between them, Enter to open</source>
        <translation>%d événements du %s au %s; Gauche et Droite pour passer de l&apos;un à l&apos;autre, Entrée pour ouvrir</translation>
    </message>
    <message>
        <source>(no stage move recorded: counted from the intake date)</source>
        <translation>(aucun changement d&apos;étape inscrit : compté à partir de la date d&apos;accueil)</translation>
    </message>
    <message>
        <source>Click or press Enter to open</source>
        <translation>Cliquez ou appuyez sur Entrée pour ouvrir</translation>
    </message>
    <message>
        <source>Fit the whole history (0)</source>
        <translation>Afficher tout l&apos;historique (0)</translation>
    </message>
    <message>
        <source>No learner chosen</source>
        <translation>Aucun apprenant choisi</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Overdue: needs doing</source>
        <translation>En retard : à faire</translation>
    </message>
    <message>
        <source>Plan timeline</source>
        <translation>Chronologie du plan</translation>
    </message>
    <message>
        <source>Referral did not go ahead</source>
        <translation>L&apos;aiguillage n&apos;a pas eu de suite</translation>
    </message>
    <message>
        <source>Referral waiting or not known</source>
        <translation>Aiguillage en attente ou inconnu</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Stage: %s, entered %s, %s</source>
        <translation>Étape : %s, commencée le %s, %s</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Zoom avant (+)</translation>
    </message>
    <message>
        <source>Zoom out (−)</source>
        <translation>Zoom arrière (−)</translation>
    </message>
    <message>
        <source>from %s</source>
        <translation>depuis le %s</translation>
    </message>
    <message>
        <source>to today</source>
        <translation>à aujourd&apos;hui</translation>
    </message>
    <message>
        <source>until %s</source>
        <translation>jusqu&apos;au %s</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>Enregistrer en P&amp;DF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ajuster à la largeur</translation>
    </message>
    <message>
        <source>No preview</source>
        <translation>Aucun aperçu</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 de %2</translation>
    </message>
    <message>
        <source>Pages cannot be printed from here because no PDF renderer is installed (install the pypdfium2 package). Use Save as PDF and print the file instead.</source>
        <translation>Les pages ne peuvent pas être imprimées d&apos;ici parce qu&apos;aucun moteur de rendu PDF n&apos;est installé (installez le paquet pypdfium2). Utilisez Enregistrer en PDF et imprimez plutôt le fichier.</translation>
    </message>
    <message>
        <source>Pages cannot be shown or printed here because no PDF renderer is installed (install the pypdfium2 package). Use Save as PDF and print the file instead.</source>
        <translation>Les pages ne peuvent pas être affichées ni imprimées ici parce qu&apos;aucun moteur de rendu PDF n&apos;est installé (installez le paquet pypdfium2). Utilisez Enregistrer en PDF et imprimez plutôt le fichier.</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <source>Print %s</source>
        <translation>Imprimer %s</translation>
    </message>
    <message>
        <source>Print preview — %s</source>
        <translation>Aperçu avant impression — %s</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Enregistrer en PDF</translation>
    </message>
    <message>
        <source>Sending %d pages to the printer…</source>
        <translation>Envoi de %d pages à l&apos;imprimante…</translation>
    </message>
    <message>
        <source>The PDF could not be made: %s</source>
        <translation>Le PDF n&apos;a pas pu être créé : %s</translation>
    </message>
    <message>
        <source>The PDF could not be saved to %1: %2. Choose another folder (for example Documents) and try again.</source>
        <translation>Le PDF n&apos;a pas pu être enregistré dans %1 : %2. Choisissez un autre dossier (par exemple Documents) et réessayez.</translation>
    </message>
    <message>
        <source>The pages could not be printed: %s</source>
        <translation>Les pages n&apos;ont pas pu être imprimées : %s</translation>
    </message>
    <message>
        <source>The printer could not be started. Check that it is on and try again.</source>
        <translation>L&apos;imprimante n&apos;a pas pu démarrer. Vérifiez qu&apos;elle est allumée et réessayez.</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Zoom:</source>
        <translation>Zoom :</translation>
    </message>
</context>
<context>
    <name>ReferralFormDialog</name>
    <message>
        <source>Referral form</source>
        <translation>Formulaire d&apos;aiguillage</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>Save the form with its consent block and return slip as a PDF, and open it</source>
        <translation>Enregistrer le formulaire, avec sa section du consentement et son coupon-réponse, en PDF et l&apos;ouvrir</translation>
    </message>
    <message>
        <source>Open &amp;learner file</source>
        <translation>Ouvrir le &amp;dossier de l&apos;apprenant</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the form (Esc)</source>
        <translation>Fermer le formulaire (Échap)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save the referral (Enter or Ctrl+S)</source>
        <translation>Enregistrer l&apos;aiguillage (Entrée ou Ctrl+S)</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Aiguillage</translation>
    </message>
    <message>
        <source>&amp;Number</source>
        <translation>&amp;Numéro</translation>
    </message>
    <message>
        <source>&amp;In: referred to us</source>
        <translation>&amp;Entrant : aiguillé vers nous</translation>
    </message>
    <message>
        <source>&amp;Out: we refer the learner</source>
        <translation>&amp;Sortant : nous aiguillons l&apos;apprenant</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>L&amp;earner</source>
        <translation>&amp;Apprenant</translation>
    </message>
    <message>
        <source>A partner organization</source>
        <translation>Un organisme partenaire</translation>
    </message>
    <message>
        <source>An informal source (does not count)</source>
        <translation>Une source informelle (ne compte pas)</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>Aiguillé par</translation>
    </message>
    <message>
        <source>Type part of the partner&apos;s name</source>
        <translation>Tapez une partie du nom du partenaire</translation>
    </message>
    <message>
        <source>&amp;Partner</source>
        <translation>&amp;Partenaire</translation>
    </message>
    <message>
        <source>Choose how the learner came</source>
        <translation>Choisissez comment l&apos;apprenant est venu</translation>
    </message>
    <message>
        <source>So&amp;urce</source>
        <translation>So&amp;urce</translation>
    </message>
    <message>
        <source>Pro&amp;gram</source>
        <translation>Pro&amp;gramme</translation>
    </message>
    <message>
        <source>&amp;Contact</source>
        <translation>&amp;Personne-ressource</translation>
    </message>
    <message>
        <source>Status changed on</source>
        <translation>État changé le</translation>
    </message>
    <message>
        <source>changed on</source>
        <translation>modifié le</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>É&amp;tat</translation>
    </message>
    <message>
        <source>Reason and services requested</source>
        <translation>Raison et services demandés</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Raison</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>What other service?</source>
        <translation>Quel autre service?</translation>
    </message>
    <message>
        <source>Other service</source>
        <translation>Autre service</translation>
    </message>
    <message>
        <source>Supports &amp;needed</source>
        <translation>&amp;Soutiens nécessaires</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>Non précisé</translation>
    </message>
    <message>
        <source>Ur&amp;gency</source>
        <translation>&amp;Urgence</translation>
    </message>
    <message>
        <source>Formal-referral confirmation</source>
        <translation>Confirmation de l&apos;aiguillage officiel</translation>
    </message>
    <message>
        <source>A formal referral is planned, supported and coordinated, with the learner&apos;s information exchanged (with consent). Only formal referrals count for service coordination.</source>
        <translation>Un aiguillage officiel est planifié, accompagné et coordonné, et les renseignements de l&apos;apprenant sont échangés (avec son consentement). Seuls les aiguillages officiels comptent pour la coordination des services.</translation>
    </message>
    <message>
        <source>&amp;Formal referral: counts for service coordination</source>
        <translation>Aiguillage &amp;officiel : compte pour la coordination des services</translation>
    </message>
    <message>
        <source>Consent to share information</source>
        <translation>Consentement à la communication de renseignements</translation>
    </message>
    <message>
        <source>Record &amp;consent…</source>
        <translation>Inscrire le &amp;consentement…</translation>
    </message>
    <message>
        <source>Follow-up, CaMS and reply</source>
        <translation>Suivi, CaMS et réponse</translation>
    </message>
    <message>
        <source>F&amp;ollow-up date</source>
        <translation>Date de &amp;suivi</translation>
    </message>
    <message>
        <source>&amp;Mark keyed into CaMS</source>
        <translation>&amp;Marquer comme saisi dans CaMS</translation>
    </message>
    <message>
        <source>Record that this referral was keyed into CaMS today</source>
        <translation>Inscrire que cet aiguillage a été saisi dans CaMS aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Keyed into CaMS</source>
        <translation>Saisi dans CaMS</translation>
    </message>
    <message>
        <source>Record &amp;reply…</source>
        <translation>Inscrire la &amp;réponse…</translation>
    </message>
    <message>
        <source>Copy the partner&apos;s answer from the return slip</source>
        <translation>Recopier la réponse du partenaire à partir du coupon-réponse</translation>
    </message>
    <message>
        <source>Return slip</source>
        <translation>Coupon-réponse</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>Historique des états</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Referral in</source>
        <translation>Aiguillage entrant</translation>
    </message>
    <message>
        <source>Referral out</source>
        <translation>Aiguillage sortant</translation>
    </message>
    <message>
        <source>New %s</source>
        <translation>Nouveau %s</translation>
    </message>
    <message>
        <source>Number %s will be kept when you save. Fields marked * are required.</source>
        <translation>Le numéro %s sera conservé à l&apos;enregistrement. Les champs marqués d&apos;un * sont obligatoires.</translation>
    </message>
    <message>
        <source>Learner: %s</source>
        <translation>Apprenant : %s</translation>
    </message>
    <message>
        <source>&amp;Partner (referred by) *</source>
        <translation>&amp;Partenaire (qui aiguille) *</translation>
    </message>
    <message>
        <source>&amp;Partner (referred to) *</source>
        <translation>&amp;Partenaire (qui reçoit) *</translation>
    </message>
    <message>
        <source>All four are ticked: tick Formal so this referral counts.</source>
        <translation>Les quatre cases sont cochées : cochez Officiel pour que cet aiguillage compte.</translation>
    </message>
    <message>
        <source>A referral in needs no consent from us to record it. Consent is checked when we refer the learner out.</source>
        <translation>Un aiguillage entrant n&apos;exige pas notre consentement pour être inscrit. Le consentement est vérifié quand nous aiguillons l&apos;apprenant vers l&apos;extérieur.</translation>
    </message>
    <message>
        <source>Choose the learner and the partner to see whether consent covers them.</source>
        <translation>Choisissez l&apos;apprenant et le partenaire pour voir si le consentement les couvre.</translation>
    </message>
    <message>
        <source>no end date</source>
        <translation>sans date de fin</translation>
    </message>
    <message>
        <source>✔ Consent in force: %s, given %s, valid until %s.</source>
        <translation>✔ Consentement en vigueur : %s, donné le %s, valide jusqu&apos;au %s.</translation>
    </message>
    <message>
        <source>✔ Consent to share is recorded on the learner&apos;s file.</source>
        <translation>✔ Le consentement à la communication est inscrit au dossier de l&apos;apprenant.</translation>
    </message>
    <message>
        <source>No consent covers this partner yet. A draft may wait: have the learner sign the consent block of the printed form, then record the consent before marking the referral Sent.</source>
        <translation>Aucun consentement ne couvre encore ce partenaire. Un brouillon peut attendre : faites signer à l&apos;apprenant la section du consentement du formulaire imprimé, puis inscrivez le consentement avant de marquer l&apos;aiguillage Envoyé.</translation>
    </message>
    <message>
        <source>Learner: “%s” is not chosen yet; type part of the name and pick the learner from the list.</source>
        <translation>Apprenant : « %s » n&apos;est pas encore choisi; tapez une partie du nom et choisissez l&apos;apprenant dans la liste.</translation>
    </message>
    <message>
        <source>Partner: “%s” is not in the partner directory; pick a partner from the list, or add it in the directory first.</source>
        <translation>Partenaire : « %s » n&apos;est pas dans le répertoire des partenaires; choisissez un partenaire dans la liste, ou ajoutez-le d&apos;abord au répertoire.</translation>
    </message>
    <message>
        <source>Status changed on: %s</source>
        <translation>État changé le : %s</translation>
    </message>
    <message>
        <source>Could not save the referral</source>
        <translation>Impossible d&apos;enregistrer l&apos;aiguillage</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Consent needed before this referral goes out</source>
        <translation>Consentement requis avant l&apos;envoi de cet aiguillage</translation>
    </message>
    <message>
        <source>This referral cannot be sent without the learner&apos;s consent.</source>
        <translation>Cet aiguillage ne peut pas être envoyé sans le consentement de l&apos;apprenant.</translation>
    </message>
    <message>
        <source>Record consent…</source>
        <translation>Inscrire le consentement…</translation>
    </message>
    <message>
        <source>Save as draft</source>
        <translation>Enregistrer comme brouillon</translation>
    </message>
    <message>
        <source>1 problem to fix before saving; it is explained under its field.</source>
        <translation>1 problème à corriger avant d&apos;enregistrer; il est expliqué sous son champ.</translation>
    </message>
    <message>
        <source>%d problems to fix before saving; each is explained under its field.</source>
        <translation>%d problèmes à corriger avant d&apos;enregistrer; chacun est expliqué sous son champ.</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepté</translation>
    </message>
    <message>
        <source>not proceeding</source>
        <translation>sans suite</translation>
    </message>
    <message>
        <source>no decision yet</source>
        <translation>pas encore de décision</translation>
    </message>
    <message>
        <source>Reply received %s: %s</source>
        <translation>Réponse reçue le %s : %s</translation>
    </message>
    <message>
        <source>Reason: %s</source>
        <translation>Raison : %s</translation>
    </message>
    <message>
        <source>First appointment: %s</source>
        <translation>Premier rendez-vous : %s</translation>
    </message>
    <message>
        <source>Signed: %s</source>
        <translation>Signé : %s</translation>
    </message>
    <message>
        <source>Save the referral and mark it Sent; then record the partner&apos;s reply here.</source>
        <translation>Enregistrez l&apos;aiguillage et marquez-le Envoyé; inscrivez ensuite ici la réponse du partenaire.</translation>
    </message>
    <message>
        <source>Still a draft: mark it Sent first, then record the reply.</source>
        <translation>Encore un brouillon : marquez-le d&apos;abord Envoyé, puis inscrivez la réponse.</translation>
    </message>
    <message>
        <source>No reply recorded yet.</source>
        <translation>Aucune réponse inscrite pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Reply recorded</source>
        <translation>Réponse inscrite</translation>
    </message>
    <message>
        <source>Could not mark the referral</source>
        <translation>Impossible de marquer l&apos;aiguillage</translation>
    </message>
    <message>
        <source>Marked keyed into CaMS</source>
        <translation>Marqué comme saisi dans CaMS</translation>
    </message>
    <message>
        <source>Save the referral form as PDF</source>
        <translation>Enregistrer le formulaire d&apos;aiguillage en PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not print the referral</source>
        <translation>Impossible d&apos;imprimer l&apos;aiguillage</translation>
    </message>
    <message>
        <source>Could not save the PDF</source>
        <translation>Impossible d&apos;enregistrer le PDF</translation>
    </message>
    <message>
        <source>The PDF could not be written to %s (%s). Choose another folder.</source>
        <translation>Le PDF n&apos;a pas pu être écrit dans %s (%s). Choisissez un autre dossier.</translation>
    </message>
    <message>
        <source>Printed to %s</source>
        <translation>Imprimé vers %s</translation>
    </message>
    <message>
        <source>This referral has changes that are not saved. Save them now?</source>
        <translation>Cet aiguillage a des modifications non enregistrées. Les enregistrer maintenant?</translation>
    </message>
    <message>
        <source>Coordinated</source>
        <translation>Coordonné</translation>
    </message>
    <message>
        <source>Information exchanged</source>
        <translation>Renseignements échangés</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <source>Supported</source>
        <translation>Accompagné</translation>
    </message>
</context>
<context>
    <name>ReferralListPane</name>
    <message>
        <source>Referrals</source>
        <translation>Aiguillages</translation>
    </message>
    <message>
        <source>New referral &amp;in…</source>
        <translation>Nouvel aiguillage &amp;entrant…</translation>
    </message>
    <message>
        <source>New referral &amp;out…</source>
        <translation>Nouvel aiguillage &amp;sortant…</translation>
    </message>
    <message>
        <source>Learner name, learner ID, phone or referral number</source>
        <translation>Nom, numéro d&apos;apprenant, téléphone ou numéro d&apos;aiguillage</translation>
    </message>
    <message>
        <source>Search referrals</source>
        <translation>Chercher des aiguillages</translation>
    </message>
    <message>
        <source>In and out</source>
        <translation>Entrants et sortants</translation>
    </message>
    <message>
        <source>Referrals in</source>
        <translation>Aiguillages entrants</translation>
    </message>
    <message>
        <source>Referrals out</source>
        <translation>Aiguillages sortants</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>Awaiting reply</source>
        <translation>En attente de réponse</translation>
    </message>
    <message>
        <source>Any month</source>
        <translation>Tous les mois</translation>
    </message>
    <message>
        <source>Any partner</source>
        <translation>Tous les partenaires</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partenaire</translation>
    </message>
    <message>
        <source>Formal, not yet in &amp;CaMS</source>
        <translation>Officiels, pas encore dans &amp;CaMS</translation>
    </message>
    <message>
        <source>Formal referrals dated today or earlier that are not keyed into CaMS yet</source>
        <translation>Aiguillages officiels datés d&apos;aujourd&apos;hui ou avant, pas encore saisis dans CaMS</translation>
    </message>
    <message>
        <source>Referral list</source>
        <translation>Liste des aiguillages</translation>
    </message>
    <message>
        <source>Op&amp;en</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>&amp;Mark keyed into CaMS…</source>
        <translation>&amp;Marquer comme saisi dans CaMS…</translation>
    </message>
    <message>
        <source>Record that the selected referrals were keyed into CaMS</source>
        <translation>Inscrire que les aiguillages sélectionnés ont été saisis dans CaMS</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Chercher :</translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation>&amp;Sens :</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>É&amp;tat :</translation>
    </message>
    <message>
        <source>Mon&amp;th:</source>
        <translation>&amp;Mois :</translation>
    </message>
    <message>
        <source>&amp;Partner:</source>
        <translation>&amp;Partenaire :</translation>
    </message>
    <message>
        <source>1 referral</source>
        <translation>1 aiguillage</translation>
    </message>
    <message>
        <source>%s referrals</source>
        <translation>%s aiguillages</translation>
    </message>
    <message>
        <source>No referrals match these filters.</source>
        <translation>Aucun aiguillage ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>&amp;Mark %d keyed into CaMS…</source>
        <translation>&amp;Marquer %d comme saisis dans CaMS…</translation>
    </message>
    <message>
        <source>Could not mark the referrals</source>
        <translation>Impossible de marquer les aiguillages</translation>
    </message>
    <message>
        <source>%d marked keyed into CaMS on %s.</source>
        <translation>%d marqués comme saisis dans CaMS le %s.</translation>
    </message>
    <message>
        <source>%d were already marked and keep their date.</source>
        <translation>%d étaient déjà marqués et gardent leur date.</translation>
    </message>
</context>
<context>
    <name>ReferralTableModel</name>
    <message>
        <source>Number</source>
        <extracomment>The referral&apos;s database id (int). The whole ``ReferralRow`` snapshot of the row.</extracomment>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>In/out</source>
        <translation>Ent./sort.</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Apprenant</translation>
    </message>
    <message>
        <source>Partner or source</source>
        <translation>Partenaire ou source</translation>
    </message>
    <message>
        <source>Formal</source>
        <translation>Officiel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>In CaMS</source>
        <translation>Dans CaMS</translation>
    </message>
    <message>
        <source>Counts for service coordination</source>
        <translation>Compte pour la coordination des services</translation>
    </message>
    <message>
        <source>Informal: does not count</source>
        <translation>Informel : ne compte pas</translation>
    </message>
    <message>
        <source>No reply yet: sent %d days ago</source>
        <translation>Pas encore de réponse : envoyé il y a %d jours</translation>
    </message>
    <message>
        <source>Informal</source>
        <translation>Informel</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Pas encore</translation>
    </message>
    <message>
        <source>%s (%d days)</source>
        <translation>%s (%d jours)</translation>
    </message>
    <message>
        <source>%s (informal)</source>
        <translation>%s (informel)</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Entrant</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Sortant</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <source>Reopen %s</source>
        <extracomment>How many months back the month chooser offers. The lists&apos; tabs, in order.</extracomment>
        <translation>Rouvrir %s</translation>
    </message>
    <message>
        <source>Reopening shows today&apos;s figures again so the month can be corrected and closed again. The sheet printed when it was closed is kept as history.</source>
        <translation>La réouverture affiche de nouveau les chiffres d&apos;aujourd&apos;hui pour que le mois puisse être corrigé et refermé. La fiche imprimée à la fermeture est gardée dans l&apos;historique.</translation>
    </message>
    <message>
        <source>&amp;Why is the month being reopened?</source>
        <translation>&amp;Pourquoi le mois est-il rouvert?</translation>
    </message>
    <message>
        <source>Reason for reopening</source>
        <translation>Raison de la réouverture</translation>
    </message>
    <message>
        <source>For example: referral R00231 was dated in this month but keyed in late.</source>
        <translation>Par exemple : l&apos;aiguillage R00231 était daté de ce mois-ci mais a été saisi en retard.</translation>
    </message>
    <message>
        <source>&amp;Reopen month</source>
        <translation>&amp;Rouvrir le mois</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <source>Record the reply to %s</source>
        <translation>Inscrire la réponse à %s</translation>
    </message>
    <message>
        <source>Copy what %s wrote on the return slip of referral %s.</source>
        <translation>Recopiez ce que %s a écrit sur le coupon-réponse de l&apos;aiguillage %s.</translation>
    </message>
    <message>
        <source>the partner</source>
        <translation>le partenaire</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepté</translation>
    </message>
    <message>
        <source>Not proceeding</source>
        <translation>Sans suite</translation>
    </message>
    <message>
        <source>Received, no decision yet</source>
        <translation>Reçu, pas encore de décision</translation>
    </message>
    <message>
        <source>&amp;Received on</source>
        <translation>&amp;Reçu le</translation>
    </message>
    <message>
        <source>&amp;Decision</source>
        <translation>&amp;Décision</translation>
    </message>
    <message>
        <source>Re&amp;ason (if not proceeding)</source>
        <translation>&amp;Raison (si sans suite)</translation>
    </message>
    <message>
        <source>&amp;First appointment</source>
        <translation>&amp;Premier rendez-vous</translation>
    </message>
    <message>
        <source>&amp;Name on the slip</source>
        <translation>&amp;Nom sur le coupon</translation>
    </message>
    <message>
        <source>&amp;Record reply</source>
        <translation>&amp;Noter la réponse</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Look inside a backup</source>
        <translation>Consulter une sauvegarde</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Choose a backup to open in a second window, read-only, to look something up. Nothing in your database changes.</source>
        <translation>Choisissez une sauvegarde à ouvrir dans une deuxième fenêtre, en lecture seule, pour y consulter quelque chose. Rien ne change dans votre base de données.</translation>
    </message>
    <message>
        <source>Choose the backup to go back to. Restoring replaces the database with the backup; a safety copy of the database as it is now is kept first. To only look something up, choose Look inside.</source>
        <translation>Choisissez la sauvegarde à laquelle revenir. La restauration remplace la base de données par la sauvegarde; une copie de sécurité de la base telle qu&apos;elle est maintenant est d&apos;abord conservée. Pour seulement consulter, choisissez Consulter.</translation>
    </message>
    <message>
        <source>Reading the backups…</source>
        <translation>Lecture des sauvegardes…</translation>
    </message>
    <message>
        <source>&amp;Restore this backup…</source>
        <translation>&amp;Restaurer cette sauvegarde…</translation>
    </message>
    <message>
        <source>&amp;Look inside (read-only)…</source>
        <translation>&amp;Consulter (lecture seule)…</translation>
    </message>
    <message>
        <source>There is no backup of this database yet. LBS Desk makes one when it opens and closes, and once a day.</source>
        <translation>Il n&apos;y a encore aucune sauvegarde de cette base de données. LBS Desk en fait une à l&apos;ouverture, à la fermeture et une fois par jour.</translation>
    </message>
    <message>
        <source>%d backups, newest first.</source>
        <translation>%d sauvegardes, la plus récente en premier.</translation>
    </message>
    <message>
        <source>🔒 marks the %d encrypted ones: their passphrase is asked when you use them.</source>
        <translation>🔒 marque les %d sauvegardes chiffrées : leur phrase secrète est demandée quand vous les utilisez.</translation>
    </message>
    <message>
        <source>The backups could not be read: %s</source>
        <translation>Les sauvegardes n&apos;ont pas pu être lues : %s</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <source>Files past retention</source>
        <translation>Dossiers au-delà de la conservation</translation>
    </message>
    <message>
        <source>REMOVE</source>
        <translation>RETIRER</translation>
    </message>
    <message>
        <source>Your service agreement says how long to keep a learner&apos;s records after their file is closed. After that, their personal details should be removed. Removing keeps the learner ID, the dates and the codes, so the monthly figures already reported do not change.</source>
        <translation>Votre entente de service précise combien de temps garder les dossiers d&apos;un apprenant après leur fermeture. Ensuite, ses renseignements personnels doivent être retirés. Le retrait conserve le numéro d&apos;apprenant, les dates et les codes, pour que les chiffres mensuels déjà déclarés ne changent pas.</translation>
    </message>
    <message>
        <source> years</source>
        <translation> ans</translation>
    </message>
    <message>
        <source>Keep closed files for</source>
        <translation>Garder les dossiers fermés pendant</translation>
    </message>
    <message>
        <source>Tick &amp;all</source>
        <translation>Tout &amp;cocher</translation>
    </message>
    <message>
        <source>Tick &amp;none</source>
        <translation>Tout &amp;décocher</translation>
    </message>
    <message>
        <source>Removing cannot be undone (except by restoring a backup). Names, date of birth, contact details, goals and every note on these files are erased. To go ahead, type %s below.</source>
        <translation>Le retrait ne peut pas être annulé (sauf en restaurant une sauvegarde). Les noms, dates de naissance, coordonnées, objectifs et toutes les notes de ces dossiers sont effacés. Pour continuer, tapez %s ci-dessous.</translation>
    </message>
    <message>
        <source>Type %s to confirm</source>
        <translation>Tapez %s pour confirmer</translation>
    </message>
    <message>
        <source>Remove personal details</source>
        <translation>Retirer les renseignements personnels</translation>
    </message>
    <message>
        <source>Files closed more than %d years ago: %d</source>
        <translation>Dossiers fermés depuis plus de %d ans : %d</translation>
    </message>
    <message>
        <source>No file was closed more than %d years ago: nothing to remove.</source>
        <translation>Aucun dossier n&apos;a été fermé il y a plus de %d ans : rien à retirer.</translation>
    </message>
    <message>
        <source>Personal details removed</source>
        <translation>Renseignements personnels retirés</translation>
    </message>
    <message>
        <source>Personal details removed from %d learner files. Their learner IDs, dates and codes are kept, so the monthly figures already reported stay the same.</source>
        <translation>Renseignements personnels retirés de %d dossiers d&apos;apprenants. Leurs numéros, dates et codes sont conservés, pour que les chiffres mensuels déjà déclarés restent les mêmes.</translation>
    </message>
    <message>
        <source>Nothing was removed</source>
        <translation>Rien n&apos;a été retiré</translation>
    </message>
    <message>
        <source>Removing personal details…</source>
        <translation>Retrait des renseignements personnels…</translation>
    </message>
</context>
<context>
    <name>RetentionModel</name>
    <message>
        <source>Learner ID</source>
        <translation>N° d&apos;apprenant</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>File closed</source>
        <translation>Dossier fermé</translation>
    </message>
    <message>
        <source>Years closed</source>
        <translation>Années depuis la fermeture</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to %s</source>
        <translation>Se connecter à %s</translation>
    </message>
    <message>
        <source>Learner files are private. Sign in with your user name and password.</source>
        <translation>Les dossiers des apprenants sont confidentiels. Connectez-vous avec votre nom d&apos;utilisateur et votre mot de passe.</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>The user name or the password is wrong. Try again; capitals count in passwords.</source>
        <translation>Le nom d&apos;utilisateur ou le mot de passe est erroné. Réessayez; les majuscules comptent dans les mots de passe.</translation>
    </message>
</context>
<context>
    <name>StaffAccountsDialog</name>
    <message>
        <source>Staff accounts and sign-in</source>
        <translation>Comptes du personnel et connexion</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Leave empty to keep the password as it is</source>
        <translation>Laissez vide pour garder le mot de passe actuel</translation>
    </message>
    <message>
        <source>At least %d characters. A short sentence is easy to remember and hard to guess.</source>
        <translation>Au moins %d caractères. Une courte phrase est facile à retenir et difficile à deviner.</translation>
    </message>
    <message>
        <source>&amp;Save account</source>
        <translation>&amp;Enregistrer le compte</translation>
    </message>
    <message>
        <source>&amp;Remove password</source>
        <translation>&amp;Retirer le mot de passe</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>New &amp;password</source>
        <translation>Nouveau &amp;mot de passe</translation>
    </message>
    <message>
        <source>Type it &amp;again</source>
        <translation>&amp;Retapez-la</translation>
    </message>
    <message>
        <source>Idle lock</source>
        <translation>Verrouillage après inactivité</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>When staff accounts are on, LBS Desk hides learner information after this long without use and asks for a password. Default: 10 minutes.</source>
        <translation>Quand les comptes du personnel sont activés, LBS Desk masque les renseignements sur les apprenants après ce délai d&apos;inactivité et demande un mot de passe. Par défaut : 10 minutes.</translation>
    </message>
    <message>
        <source>&amp;Lock after</source>
        <translation>&amp;Verrouiller après</translation>
    </message>
    <message>
        <source>There are no staff members yet. Add their names under Settings (the agency page), then come back here.</source>
        <translation>Il n&apos;y a encore aucun membre du personnel. Ajoutez leurs noms dans Paramètres (la page de l&apos;organisme), puis revenez ici.</translation>
    </message>
    <message>
        <source>Sign-in is on: everyone signs in when LBS Desk starts, and every change is recorded with their name.</source>
        <translation>La connexion est activée : chacun se connecte au démarrage de LBS Desk, et chaque modification est inscrite avec son nom.</translation>
    </message>
    <message>
        <source>Sign-in is off. Give a staff member a user name and a password to turn it on for everyone.</source>
        <translation>La connexion est désactivée. Donnez un nom d&apos;utilisateur et un mot de passe à un membre du personnel pour l&apos;activer pour tout le monde.</translation>
    </message>
    <message>
        <source>Account of %s</source>
        <translation>Compte de %s</translation>
    </message>
    <message>
        <source>The two passwords differ: type the same one twice.</source>
        <translation>Les deux mots de passe diffèrent : tapez le même deux fois.</translation>
    </message>
    <message>
        <source>Could not save the account</source>
        <translation>Impossible d&apos;enregistrer le compte</translation>
    </message>
    <message>
        <source>Remove the password</source>
        <translation>Retirer le mot de passe</translation>
    </message>
    <message>
        <source>Remove the password of %s? They will not be able to sign in until they are given a new one.</source>
        <translation>Retirer le mot de passe de %s? Cette personne ne pourra pas se connecter avant d&apos;en recevoir un nouveau.</translation>
    </message>
    <message>
        <source>Could not remove the password</source>
        <translation>Impossible de retirer le mot de passe</translation>
    </message>
</context>
<context>
    <name>StaffAccountsModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>set</source>
        <translation>défini</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no (cannot sign in)</source>
        <translation>non (ne peut pas se connecter)</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>Withdraw consent</source>
        <translation>Retirer le consentement</translation>
    </message>
    <message>
        <source>From this day on, nothing more may be shared under this consent. Referrals out to partners it covered will ask for a new consent.</source>
        <translation>À partir de ce jour, plus rien ne peut être communiqué en vertu de ce consentement. Les aiguillages vers les partenaires qu&apos;il couvrait demanderont un nouveau consentement.</translation>
    </message>
    <message>
        <source>&amp;Withdrawn on</source>
        <translation>&amp;Retiré le</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Retirer</translation>
    </message>
</context>
<context>
    <name>_FileSummary</name>
    <message>
        <source>Learner ID</source>
        <translation>N° d&apos;apprenant</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Intake date</source>
        <translation>Date d&apos;accueil</translation>
    </message>
    <message>
        <source>Plan stage</source>
        <translation>Étape du plan</translation>
    </message>
    <message>
        <source>Goal path</source>
        <translation>Voie</translation>
    </message>
    <message>
        <source>Exit date</source>
        <translation>Date de sortie</translation>
    </message>
    <message>
        <source>Keep this file</source>
        <translation>Garder ce dossier</translation>
    </message>
</context>
<context>
    <name>codes</name>
    <message>
        <source>Awaiting reply</source>
        <translation>En attente de réponse</translation>
    </message>
</context>
</TS>
