<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AnswerEngine</name>
    <message>
        <source>This project serves no goal</source>
        <translation>Ce projet ne sert aucun objectif</translation>
    </message>
    <message>
        <source>No goal is linked to this component</source>
        <translation>Aucun objectif n’est lié à ce composant</translation>
    </message>
    <message>
        <source>No goal is linked to this api</source>
        <translation>Aucun objectif n’est lié à cette API</translation>
    </message>
    <message>
        <source>No goal is linked to this resource</source>
        <translation>Aucun objectif n’est lié à cette ressource</translation>
    </message>
    <message>
        <source>No goal is linked to this system</source>
        <translation>Aucun objectif n’est lié à ce système</translation>
    </message>
    <message>
        <source>No goal is linked to this domain</source>
        <translation>Aucun objectif n’est lié à ce domaine</translation>
    </message>
    <message>
        <source>No goal is linked to this group</source>
        <translation>Aucun objectif n’est lié à ce groupe</translation>
    </message>
    <message>
        <source>No goal is linked to this user</source>
        <translation>Aucun objectif n’est lié à cette personne</translation>
    </message>
    <message>
        <source>No goal is linked to this %1</source>
        <translation>Aucun objectif n’est lié à cette entité (%1)</translation>
    </message>
    <message>
        <source>Goal parents loop: %1</source>
        <translation>Les objectifs parents forment une boucle&#xa0;: %1</translation>
    </message>
    <message>
        <source>No %1 in the catalog; a %2 exists</source>
        <translation>%1 n’est pas dans le catalogue&#xa0;; %2 existe</translation>
    </message>
    <message>
        <source>No %1 in the catalog</source>
        <translation>%1 n’est pas dans le catalogue</translation>
    </message>
    <message>
        <source>Nothing in the catalog is %1.</source>
        <translation>Rien dans le catalogue ne correspond à %1.</translation>
    </message>
</context>
<context>
    <name>AnswerFormatter</name>
    <message>
        <source>%1 (unresolved: not in the catalog)</source>
        <translation>%1 (non résolu&#xa0;: absent du catalogue)</translation>
    </message>
    <message>
        <source> (removed upstream)</source>
        <translation> (supprimé à la source)</translation>
    </message>
    <message numerus="yes">
        <source>    ... and %n more</source>
        <translation>
            <numerusform>    ... et %n autre</numerusform>
            <numerusform>    ... et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>WHAT</source>
        <translation>QUOI</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>Cycle de vie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>  Spec (kind unknown to Cairn, shown raw):</source>
        <translation>  Spec (type inconnu de Cairn, affichée telle quelle)&#xa0;:</translation>
    </message>
    <message>
        <source>WHY</source>
        <translation>POURQUOI</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Raison d’être</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Sub-goals</source>
        <translation>Sous-objectifs</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>WHO</source>
        <translation>QUI</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>none declared</source>
        <translation>aucun déclaré</translation>
    </message>
    <message>
        <source>member</source>
        <translation>membre</translation>
    </message>
    <message>
        <source>team</source>
        <translation>équipe</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Contributors</source>
        <translation>Contributeurs</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Enfants</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groupes</translation>
    </message>
    <message>
        <source>Owns</source>
        <translation>Possède</translation>
    </message>
    <message>
        <source>Depended on by</source>
        <translation>Utilisé par</translation>
    </message>
    <message>
        <source>consumesApi</source>
        <comment>how a dependent depends on it</comment>
        <translation>consomme son API</translation>
    </message>
    <message>
        <source>dependsOn</source>
        <comment>how a dependent depends on it</comment>
        <translation>en dépend</translation>
    </message>
    <message>
        <source>HOW</source>
        <translation>COMMENT</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non renseigné</translation>
    </message>
    <message>
        <source>Slip</source>
        <translation>Glissement</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Sans nouvelles</translation>
    </message>
    <message>
        <source>Latest updates</source>
        <translation>Dernières nouvelles</translation>
    </message>
    <message>
        <source> (target %1)</source>
        <translation> (échéance %1)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message numerus="yes">
        <source> (rolled up from %n inputs)</source>
        <translation>
            <numerusform> (calculé sur %n élément)</numerusform>
            <numerusform> (calculé sur %n éléments)</numerusform>
        </translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avancement</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>Dépend de</translation>
    </message>
    <message>
        <source>Provides APIs</source>
        <translation>API fournies</translation>
    </message>
    <message>
        <source>Consumes APIs</source>
        <translation>API consommées</translation>
    </message>
    <message>
        <source>Provided by</source>
        <translation>Fournie par</translation>
    </message>
    <message>
        <source>Removed upstream on %1</source>
        <translation>Supprimé à la source le %1</translation>
    </message>
    <message>
        <source>, owner %1</source>
        <translation>, responsable %1</translation>
    </message>
    <message>
        <source>%1, %2, level %3</source>
        <translation>%1, %2, niveau %3</translation>
    </message>
</context>
<context>
    <name>AskEngine</name>
    <message>
        <source>%1 (not in the catalog)</source>
        <translation>%1 (absent du catalogue)</translation>
    </message>
    <message>
        <source>%1 is a %2 %3%4</source>
        <comment>name is a type kind (status)</comment>
        <translation>%1&#xa0;: %3 %2%4</translation>
    </message>
    <message>
        <source>No project is at risk or off track</source>
        <translation>Aucun projet n’est à risque ni en retard</translation>
    </message>
    <message>
        <source>%1 at risk or off track</source>
        <translation>%1 à risque ou en retard</translation>
    </message>
    <message>
        <source>project</source>
        <translation>projet</translation>
    </message>
    <message>
        <source>projects</source>
        <translation>projets</translation>
    </message>
    <message>
        <source>Ask about something: &quot;who owns X&quot;, &quot;what is X&quot;, &quot;why X&quot;, &quot;how do I deploy X&quot;</source>
        <translation>Posez une question&#xa0;: « qui possède X », « c’est quoi X », « pourquoi X », « comment déployer X »</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could be %2; say which one</source>
        <translation>« %1 » peut désigner %2&#xa0;; précisez lequel</translation>
    </message>
    <message>
        <source>entity</source>
        <translation>entité</translation>
    </message>
    <message>
        <source>different entities</source>
        <translation>entités différentes</translation>
    </message>
    <message>
        <source>Took &quot;%1&quot; to mean %2</source>
        <translation>« %1 » compris comme %2</translation>
    </message>
    <message>
        <source>Nothing in the catalog matches &quot;%1&quot;</source>
        <translation>Rien dans le catalogue ne correspond à « %1 »</translation>
    </message>
    <message>
        <source>Best matches for &quot;%1&quot;</source>
        <translation>Meilleurs résultats pour « %1 »</translation>
    </message>
    <message>
        <source>Nothing is called &quot;%1&quot;; best matches</source>
        <translation>Rien ne s’appelle « %1 »&#xa0;; meilleurs résultats</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <comment>name: type kind</comment>
        <translation>%1&#xa0;: %3 %2</translation>
    </message>
    <message>
        <source>%1 declares no owner</source>
        <translation>%1 ne déclare aucun responsable</translation>
    </message>
    <message>
        <source>%1 names %2 as owner, which is not in the catalog</source>
        <translation>%1 désigne %2 comme responsable, absent du catalogue</translation>
    </message>
    <message>
        <source>%1 is owned by %2</source>
        <translation>%1 appartient à %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>name: count</comment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>member</source>
        <translation>membre</translation>
    </message>
    <message>
        <source>members</source>
        <translation>membres</translation>
    </message>
    <message>
        <source>%1 serves %2</source>
        <translation>%1 sert l’objectif %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>name: purpose</comment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 is worked on by %2</source>
        <translation>%1 fait l’objet du projet %2</translation>
    </message>
    <message>
        <source>%1 is without a status</source>
        <translation>%1 n’a pas de statut</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <comment>name is status</comment>
        <translation>%1 est %2</translation>
    </message>
    <message>
        <source>stale: %1</source>
        <translation>sans nouvelles&#xa0;: %1</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the parts of a headline</comment>
        <translation>&#xa0;; </translation>
    </message>
    <message>
        <source>%1 is %2 done</source>
        <translation>%1 est achevé à %2</translation>
    </message>
    <message>
        <source>link</source>
        <translation>lien</translation>
    </message>
    <message>
        <source>links</source>
        <translation>liens</translation>
    </message>
    <message>
        <source>%1 depends on %2</source>
        <translation>%1 dépend de %2</translation>
    </message>
    <message>
        <source>entities</source>
        <translation>entités</translation>
    </message>
    <message>
        <source>%1 depends on %2</source>
        <comment>one dependent</comment>
        <translation>%1 dépend de %2</translation>
    </message>
    <message>
        <source>%1 depend on %2</source>
        <comment>dependents</comment>
        <translation>%1 dépendent de %2</translation>
    </message>
    <message>
        <source>%1 owns %2</source>
        <translation>%1 possède %2</translation>
    </message>
    <message>
        <source>goal</source>
        <translation>objectif</translation>
    </message>
    <message>
        <source>goals</source>
        <translation>objectifs</translation>
    </message>
    <message>
        <source>The question is %1 characters long; Cairn reads questions of up to %2 characters. Ask about one thing at a time.</source>
        <translation>La question fait %1&#xa0;caractères&#xa0;; Cairn lit des questions d’au plus %2&#xa0;caractères. Posez une question à la fois.</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between names in a list</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 is a person in no team</source>
        <translation>%1 est une personne sans équipe</translation>
    </message>
    <message>
        <source>%1 is a person in %2</source>
        <translation>%1 est une personne de %2</translation>
    </message>
    <message>
        <source>works on %1 and owns %2</source>
        <comment>works on N projects and owns N entities</comment>
        <translation>travaille sur %1 et possède %2</translation>
    </message>
    <message>
        <source>other entity</source>
        <translation>autre entité</translation>
    </message>
    <message>
        <source>other entities</source>
        <translation>autres entités</translation>
    </message>
    <message>
        <source>%1 of %2: %3</source>
        <comment>Runbook of X: URL</comment>
        <translation>%1 de %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1 has no %2 link</source>
        <comment>X has no runbook link</comment>
        <translation>%1 n’a pas de lien %2</translation>
    </message>
    <message>
        <source>I did not understand &quot;%1&quot;, and none of its words names anything in the catalog. Try &quot;who owns X&quot;, &quot;what is X&quot;, &quot;why X&quot; or &quot;how do I deploy X&quot;</source>
        <translation>Je n’ai pas compris «&#xa0;%1&#xa0;», et aucun de ses mots ne nomme quoi que ce soit dans le catalogue. Essayez «&#xa0;qui possède X&#xa0;», «&#xa0;c’est quoi X&#xa0;», «&#xa0;pourquoi X&#xa0;» ou «&#xa0;comment déployer X&#xa0;»</translation>
    </message>
    <message>
        <source>I did not understand the question; these match some of its words</source>
        <translation>Je n’ai pas compris la question&#xa0;; voici ce qui correspond à certains de ses mots</translation>
    </message>
    <message>
        <source>%1 works on %2 and owns %3</source>
        <comment>name works on N projects and owns N entities</comment>
        <translation>%1 travaille sur %2 et possède %3</translation>
    </message>
    <message>
        <source>, as a member of %1</source>
        <comment>…, as a member of team names</comment>
        <translation>, en tant que membre de %1</translation>
    </message>
    <message>
        <source>%1 is a top-level goal: it serves no other goal</source>
        <translation>%1 est un objectif de premier niveau&#xa0;: il ne sert aucun autre objectif</translation>
    </message>
    <message>
        <source>; %1</source>
        <comment>headline; description</comment>
        <translation>&#xa0;; %1</translation>
    </message>
    <message>
        <source>%1 (not a reference)</source>
        <translation>%1 (pas une référence)</translation>
    </message>
    <message>
        <source> (%1)</source>
        <comment>on-call schedule links</comment>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>on-call link</source>
        <translation>lien d’astreinte</translation>
    </message>
    <message>
        <source>on-call links</source>
        <translation>liens d’astreinte</translation>
    </message>
    <message>
        <source>%1 names no one on call and has no on-call link</source>
        <translation>%1 ne nomme personne d’astreinte et n’a pas de lien d’astreinte</translation>
    </message>
    <message>
        <source>%1 names no one on call; see its on-call links%2</source>
        <translation>%1 ne nomme personne d’astreinte&#xa0;; voir ses liens d’astreinte%2</translation>
    </message>
    <message>
        <source>On call for %1: %2%3</source>
        <translation>D’astreinte pour %1&#xa0;: %2%3</translation>
    </message>
    <message>
        <source>I did not understand the period &quot;%1&quot;; try &quot;since yesterday&quot;, &quot;since Monday&quot;, &quot;this week&quot; or a date such as %2</source>
        <translation>Je n’ai pas compris la période «&#xa0;%1&#xa0;»&#xa0;; essayez «&#xa0;depuis hier&#xa0;», «&#xa0;depuis lundi&#xa0;», «&#xa0;cette semaine&#xa0;» ou une date comme %2</translation>
    </message>
    <message>
        <source>Nothing was added since %1</source>
        <translation>Rien n’a été ajouté depuis le %1</translation>
    </message>
    <message>
        <source>Nothing was removed since %1</source>
        <translation>Rien n’a été supprimé depuis le %1</translation>
    </message>
    <message>
        <source>Nothing was changed since %1</source>
        <translation>Rien n’a été modifié depuis le %1</translation>
    </message>
    <message>
        <source>No sync has changed anything since %1</source>
        <translation>Aucune synchronisation n’a rien changé depuis le %1</translation>
    </message>
    <message>
        <source>%1 since %2, newest first</source>
        <comment>N changes since date</comment>
        <translation>%1 depuis le %2, les plus récents d’abord</translation>
    </message>
    <message>
        <source>change</source>
        <translation>changement</translation>
    </message>
    <message>
        <source>changes</source>
        <translation>changements</translation>
    </message>
    <message>
        <source>More than %1 changes since %2; the newest %1</source>
        <translation>Plus de %1 changements depuis le %2&#xa0;; les %1 plus récents</translation>
    </message>
</context>
<context>
    <name>HealthWords</name>
    <message>
        <source>Failing</source>
        <translation>En échec</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>À surveiller</translation>
    </message>
    <message>
        <source>Passing</source>
        <translation>Conforme</translation>
    </message>
    <message>
        <source>None</source>
        <comment>maturity level</comment>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Bronze</source>
        <translation>Bronze</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Argent</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Or</translation>
    </message>
    <message>
        <source>%1 link: %2</source>
        <translation>lien «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>no %1 link, in metadata.links or a well-known annotation</source>
        <translation>aucun lien «&#xa0;%1&#xa0;», ni dans metadata.links ni dans une annotation connue</translation>
    </message>
    <message numerus="yes">
        <source>%n dependencies, all in the catalog and none deprecated</source>
        <translation>
            <numerusform>%n dépendance, dans le catalogue et non dépréciée</numerusform>
            <numerusform>%n dépendances, toutes dans le catalogue et aucune dépréciée</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is %2 (limit %3)</source>
        <translation>%1 vaut %2 (limite %3)</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation>%1 vaut %2</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>%1 est absent</translation>
    </message>
    <message>
        <source>%1 names %2, which is not in the catalog</source>
        <translation>%1 désigne %2, absent du catalogue</translation>
    </message>
    <message>
        <source>depends on deprecated %1</source>
        <translation>dépend de %1, déprécié</translation>
    </message>
    <message>
        <source>depends on %1, not in the catalog</source>
        <translation>dépend de %1, absent du catalogue</translation>
    </message>
    <message>
        <source>%1 is “%2”, which is not a number or date</source>
        <translation>%1 vaut «&#xa0;%2&#xa0;», qui n’est ni un nombre ni une date</translation>
    </message>
    <message>
        <source>%1 is %2, below the minimum of %3</source>
        <translation>%1 vaut %2, sous le minimum de %3</translation>
    </message>
    <message>
        <source>%1 is %2, above the maximum of %3</source>
        <translation>%1 vaut %2, au-dessus du maximum de %3</translation>
    </message>
    <message>
        <source>%1 is %2, more than %3 days ago</source>
        <translation>%1 vaut %2, il y a plus de %3 jours</translation>
    </message>
    <message>
        <source>%1 is %2, after today (%3)</source>
        <translation>%1 vaut %2, après aujourd’hui (%3)</translation>
    </message>
    <message>
        <source>%1 is “%2”, not “%3”</source>
        <translation>%1 vaut «&#xa0;%2&#xa0;», pas «&#xa0;%3&#xa0;»</translation>
    </message>
    <message>
        <source>at risk through %1, which is failing</source>
        <translation>à risque par %1, en échec</translation>
    </message>
    <message>
        <source>at risk through %1, which is failing (via %2)</source>
        <translation>à risque par %1, en échec (via %2)</translation>
    </message>
</context>
<context>
    <name>HygieneWords</name>
    <message>
        <source>No owner</source>
        <translation>Sans propriétaire</translation>
    </message>
    <message>
        <source>Owner not in the catalog</source>
        <translation>Propriétaire absent du catalogue</translation>
    </message>
    <message>
        <source>Team without members</source>
        <translation>Équipe sans membres</translation>
    </message>
    <message>
        <source>Person in no team</source>
        <translation>Personne sans équipe</translation>
    </message>
    <message>
        <source>Component in no system</source>
        <translation>Composant hors de tout système</translation>
    </message>
    <message>
        <source>Orphaned by its source</source>
        <translation>Orphelin de sa source</translation>
    </message>
    <message>
        <source>Project without recent update</source>
        <translation>Projet sans point récent</translation>
    </message>
    <message>
        <source>Project past its target date</source>
        <translation>Projet en retard sur sa date cible</translation>
    </message>
    <message>
        <source>Goal without a project</source>
        <translation>Objectif sans projet</translation>
    </message>
    <message>
        <source>Nobody owns it: its source names no owner.</source>
        <translation>Personne n’en est propriétaire&#xa0;: sa source n’en nomme aucun.</translation>
    </message>
    <message>
        <source>Its owner %1 is not in the catalog.</source>
        <translation>Son propriétaire %1 est absent du catalogue.</translation>
    </message>
    <message>
        <source>Nobody is a member of it, and it has no child teams.</source>
        <translation>Elle n’a aucun membre ni aucune sous-équipe.</translation>
    </message>
    <message>
        <source>Not a member of any team.</source>
        <translation>Membre d’aucune équipe.</translation>
    </message>
    <message>
        <source>Not a member of any team in the catalog; the teams named (%1) are not in it.</source>
        <translation>Membre d’aucune équipe du catalogue&#xa0;; les équipes nommées (%1) n’y sont pas.</translation>
    </message>
    <message>
        <source>Not part of any system.</source>
        <translation>Ne fait partie d’aucun système.</translation>
    </message>
    <message>
        <source>Its source marks it orphaned (backstage.io/orphan): what defined it is gone.</source>
        <translation>Sa source le marque orphelin (backstage.io/orphan)&#xa0;: ce qui le définissait a disparu.</translation>
    </message>
    <message>
        <source>Not finished, and no status update ever.</source>
        <translation>Pas terminé, et jamais aucun point d’avancement.</translation>
    </message>
    <message numerus="yes">
        <source>Not finished; last update on %1, %n days ago.</source>
        <translation>
            <numerusform>Pas terminé&#xa0;; dernier point le %1, il y a %n jour.</numerusform>
            <numerusform>Pas terminé&#xa0;; dernier point le %1, il y a %n jours.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not done, and its target date %1 passed %n days ago.</source>
        <translation>
            <numerusform>Pas terminé, et sa date cible %1 est passée depuis %n jour.</numerusform>
            <numerusform>Pas terminé, et sa date cible %1 est passée depuis %n jours.</numerusform>
        </translation>
    </message>
    <message>
        <source>No project contributes to it or to any of its sub-goals.</source>
        <translation>Aucun projet n’y contribue, ni à aucun de ses sous-objectifs.</translation>
    </message>
    <message>
        <source>The catalog is clean: every component has an owner and a system, every team has members, every person is in a team, and every project and goal is looked after.</source>
        <translation>Le catalogue est propre&#xa0;: chaque composant a un propriétaire et un système, chaque équipe a des membres, chaque personne est dans une équipe, et chaque projet et objectif est suivi.</translation>
    </message>
    <message>
        <source>Its owner %1 is not a team or a person: only they can own.</source>
        <translation>Son propriétaire %1 n’est ni une équipe ni une personne&#xa0;: elles seules peuvent posséder.</translation>
    </message>
</context>
<context>
    <name>LinkClassifier</name>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>PagerDuty service %1</source>
        <translation>Service PagerDuty %1</translation>
    </message>
    <message>
        <source>Opsgenie team %1</source>
        <translation>Équipe Opsgenie %1</translation>
    </message>
    <message>
        <source>Runbook</source>
        <translation>Runbook</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Dépôt</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>Documentation</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>On-call</source>
        <translation>Astreinte</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <source>Other links</source>
        <translation>Autres liens</translation>
    </message>
</context>
<context>
    <name>ProjectTimeline</name>
    <message>
        <source>once</source>
        <comment>target moved once</comment>
        <translation>une fois</translation>
    </message>
    <message numerus="yes">
        <source>%n times</source>
        <comment>target moved 3 times</comment>
        <translation>
            <numerusform>%n fois</numerusform>
            <numerusform>%n fois</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>target moved %1, +%n days since first set</source>
        <comment>later</comment>
        <translation>
            <numerusform>échéance repoussée %1, +%n jour</numerusform>
            <numerusform>échéance repoussée %1, +%n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>target moved %1, -%n days since first set</source>
        <comment>earlier</comment>
        <translation>
            <numerusform>échéance avancée %1, -%n jour</numerusform>
            <numerusform>échéance avancée %1, -%n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>target moved %1, %n days since first set</source>
        <comment>back to the first date</comment>
        <translation>
            <numerusform>échéance déplacée %1, revenue à la date initiale</numerusform>
            <numerusform>échéance déplacée %1, revenue à la date initiale</numerusform>
        </translation>
    </message>
    <message>
        <source>no update ever</source>
        <translation>aucune nouvelle depuis le début</translation>
    </message>
    <message numerus="yes">
        <source>no update for %n days (stale after %1)</source>
        <translation>
            <numerusform>aucune nouvelle depuis %n jour (seuil&#xa0;: %1)</numerusform>
            <numerusform>aucune nouvelle depuis %n jours (seuil&#xa0;: %1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourceWords</name>
    <message>
        <source>Backstage catalog</source>
        <translation>Catalogue Backstage</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Lot d’entités</translation>
    </message>
    <message>
        <source>Folder of catalog files</source>
        <translation>Dossier de fichiers de catalogue</translation>
    </message>
    <message>
        <source>Sample organisation</source>
        <translation>Organisation d’exemple</translation>
    </message>
    <message>
        <source>System keychain</source>
        <translation>Trousseau du système</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Give the source a name: one line of text.</source>
        <translation>Donnez un nom à la source&#xa0;: une seule ligne de texte.</translation>
    </message>
    <message>
        <source>Choose what kind of source this is.</source>
        <translation>Choisissez le type de cette source.</translation>
    </message>
    <message>
        <source>Give the http(s) address of the catalog API, such as https://backstage.example.com/api/catalog.</source>
        <translation>Donnez l’adresse http(s) de l’API du catalogue, par exemple https://backstage.example.com/api/catalog.</translation>
    </message>
    <message>
        <source>This address carries a user name, a password or a query. Cairn stores a source&apos;s address in its cache, where a secret must never go, so it refuses it: take it out of the address and give the token below instead.</source>
        <translation>Cette adresse contient un nom d’utilisateur, un mot de passe ou une requête. Cairn enregistre l’adresse d’une source dans son cache, où aucun secret ne doit aller, et la refuse donc&#xa0;: retirez ce secret de l’adresse et donnez plutôt le jeton ci-dessous.</translation>
    </message>
    <message>
        <source>There is no file at %1. Give a bundle&apos;s http(s) address, or choose an existing file.</source>
        <translation>Il n’y a aucun fichier à l’emplacement %1. Donnez l’adresse http(s) d’un lot, ou choisissez un fichier existant.</translation>
    </message>
    <message>
        <source>There is no folder at %1. Choose an existing folder.</source>
        <translation>Il n’y a aucun dossier à l’emplacement %1. Choisissez un dossier existant.</translation>
    </message>
    <message>
        <source>Another source has this name: %1 (%2, %3). Choose another name, or edit that source.</source>
        <translation>Une autre source porte ce nom&#xa0;: %1 (%2, %3). Choisissez un autre nom, ou modifiez cette source.</translation>
    </message>
    <message>
        <source>Name the environment variable that holds the token, such as CATALOG_TOKEN.</source>
        <translation>Indiquez la variable d’environnement qui contient le jeton, par exemple CATALOG_TOKEN.</translation>
    </message>
    <message>
        <source>Type the token to keep in the system keychain, or choose another place for it.</source>
        <translation>Tapez le jeton à garder dans le trousseau du système, ou choisissez un autre endroit où le garder.</translation>
    </message>
    <message>
        <source>The system keychain did not take the token: %1 Unlock the keychain and save again, or keep the token in an environment variable instead.</source>
        <translation>Le trousseau du système n’a pas accepté le jeton&#xa0;: %1 Déverrouillez le trousseau et enregistrez de nouveau, ou gardez plutôt le jeton dans une variable d’environnement.</translation>
    </message>
    <message>
        <source>it is self-signed, and this computer does not trust it</source>
        <translation>il est auto-signé et cet ordinateur ne lui fait pas confiance</translation>
    </message>
    <message>
        <source>it was signed by an authority this computer does not trust</source>
        <translation>il a été signé par une autorité à laquelle cet ordinateur ne fait pas confiance</translation>
    </message>
    <message>
        <source>it expired on %1</source>
        <translation>il a expiré le %1</translation>
    </message>
    <message>
        <source>it is not valid before %1</source>
        <translation>il n’est pas valide avant le %1</translation>
    </message>
    <message>
        <source>it was issued for another host name</source>
        <translation>il a été émis pour un autre nom d’hôte</translation>
    </message>
    <message>
        <source>it was revoked</source>
        <translation>il a été révoqué</translation>
    </message>
    <message numerus="yes">
        <source>Connected: the catalog lists %Ln entities.</source>
        <translation>
            <numerusform>Connexion réussie&#xa0;: le catalogue compte %Ln entité.</numerusform>
            <numerusform>Connexion réussie&#xa0;: le catalogue compte %Ln entités.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read: the bundle holds %Ln entities.</source>
        <translation>
            <numerusform>Lecture réussie&#xa0;: le lot contient %Ln entité.</numerusform>
            <numerusform>Lecture réussie&#xa0;: le lot contient %Ln entités.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of its items are not entities and would be skipped.</source>
        <translation>
            <numerusform>%Ln de ses éléments n’est pas une entité et serait ignoré.</numerusform>
            <numerusform>%Ln de ses éléments ne sont pas des entités et seraient ignorés.</numerusform>
        </translation>
    </message>
    <message>
        <source>The folder holds no catalog file Cairn can read (catalog-info.yaml, compass.yml, or other YAML and JSON files of entities).</source>
        <translation>Le dossier ne contient aucun fichier de catalogue que Cairn sache lire (catalog-info.yaml, compass.yml, ou d’autres fichiers YAML et JSON d’entités).</translation>
    </message>
    <message numerus="yes">
        <source>Read: %Ln catalog files with %1 entities.</source>
        <translation>
            <numerusform>Lecture réussie&#xa0;: %Ln fichier de catalogue, avec %1 entités.</numerusform>
            <numerusform>Lecture réussie&#xa0;: %Ln fichiers de catalogue, avec %1 entités.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln documents are not entities and would be skipped.</source>
        <translation>
            <numerusform>%Ln document n’est pas une entité et serait ignoré.</numerusform>
            <numerusform>%Ln documents ne sont pas des entités et seraient ignorés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Host not found: %1 has no address (DNS). Check the address for a typo, and that this computer is on the network (or VPN) that knows it.</source>
        <translation>Hôte introuvable&#xa0;: %1 n’a pas d’adresse (DNS). Vérifiez que l’adresse ne contient pas de faute de frappe, et que cet ordinateur est sur le réseau (ou le VPN) qui le connaît.</translation>
    </message>
    <message>
        <source>Connection refused: nothing answers at %1 on port %2. Check the address and the port, and that the server is running.</source>
        <translation>Connexion refusée&#xa0;: rien ne répond à %1 sur le port %2. Vérifiez l’adresse et le port, et que le serveur est en marche.</translation>
    </message>
    <message>
        <source>Timed out: %1 did not take the connection on port %2. The server may be down, or a firewall in the way.</source>
        <translation>Délai dépassé&#xa0;: %1 n’a pas accepté la connexion sur le port %2. Le serveur est peut-être arrêté, ou un pare-feu bloque le passage.</translation>
    </message>
    <message>
        <source>No answer: %1 took the connection but its answer did not come, or broke off. Check that this is the server&apos;s address and port, and that the server is healthy.</source>
        <translation>Pas de réponse&#xa0;: %1 a accepté la connexion, mais sa réponse n’est pas venue, ou s’est interrompue. Vérifiez qu’il s’agit bien de l’adresse et du port du serveur, et que celui-ci fonctionne correctement.</translation>
    </message>
    <message>
        <source>Could not reach %1. Check the network and the proxy settings.</source>
        <translation>Impossible de joindre %1. Vérifiez le réseau et les réglages du proxy.</translation>
    </message>
    <message>
        <source>Certificate not trusted: the certificate of %1 was refused because %2. Nothing was sent, not even the token. If your organisation has its own certificate authority, install it in this computer&apos;s trust store.</source>
        <translation>Certificat non reconnu&#xa0;: le certificat de %1 a été refusé parce que %2. Rien n’a été envoyé, pas même le jeton. Si votre organisation a sa propre autorité de certification, installez-la dans le magasin de certificats de cet ordinateur.</translation>
    </message>
    <message>
        <source>; and </source>
        <translation>&#xa0;; et </translation>
    </message>
    <message>
        <source>The secure connection to %1 failed. Nothing was sent, not even the token.</source>
        <translation>La connexion sécurisée à %1 a échoué. Rien n’a été envoyé, pas même le jeton.</translation>
    </message>
    <message>
        <source>The server wants a token: choose where the token lives below, and test again.</source>
        <translation>Le serveur demande un jeton&#xa0;: choisissez ci-dessous où se trouve le jeton, puis testez de nouveau.</translation>
    </message>
    <message>
        <source>The token was refused: the server does not accept it for this catalog. Check that it is the right one, that it has not expired, and that it may read the catalog.</source>
        <translation>Le jeton a été refusé&#xa0;: le serveur ne l’accepte pas pour ce catalogue. Vérifiez que c’est le bon, qu’il n’a pas expiré et qu’il a le droit de lire le catalogue.</translation>
    </message>
    <message>
        <source>There is no such folder.</source>
        <translation>Ce dossier n’existe pas.</translation>
    </message>
    <message>
        <source>There is no such file.</source>
        <translation>Ce fichier n’existe pas.</translation>
    </message>
    <message>
        <source>Nothing at this address (HTTP 404): the server is there, but not a catalog at this path. A catalog&apos;s address usually ends in /api/catalog.</source>
        <translation>Rien à cette adresse (HTTP 404)&#xa0;: le serveur est bien là, mais il n’y a pas de catalogue à ce chemin. L’adresse d’un catalogue se termine généralement par /api/catalog.</translation>
    </message>
    <message>
        <source>Nothing at this address (HTTP 404): the server is there, but not a bundle at this path.</source>
        <translation>Rien à cette adresse (HTTP 404)&#xa0;: le serveur est bien là, mais il n’y a pas de lot à ce chemin.</translation>
    </message>
    <message>
        <source>Not a Backstage catalog: %1 answered, but not with the catalog&apos;s JSON. A catalog&apos;s address usually ends in /api/catalog.</source>
        <translation>Pas un catalogue Backstage&#xa0;: %1 a répondu, mais pas avec le JSON du catalogue. L’adresse d’un catalogue se termine généralement par /api/catalog.</translation>
    </message>
    <message>
        <source>Cannot read a bundle here: what was read is not one, or not whole. A bundle is a JSON array of entities, an object with an &quot;items&quot; array, or NDJSON; the details below say what was found.</source>
        <translation>Impossible de lire un lot ici&#xa0;: ce qui a été lu n’en est pas un, ou pas en entier. Un lot est un tableau JSON d’entités, un objet avec un tableau «&#xa0;items&#xa0;», ou du NDJSON&#xa0;; les détails ci-dessous indiquent ce qui a été trouvé.</translation>
    </message>
    <message>
        <source>The server is failing: it answered with an error of its own. Try again later, or tell its operators.</source>
        <translation>Le serveur est en panne&#xa0;: il a répondu par une erreur de son côté. Réessayez plus tard, ou prévenez ses administrateurs.</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>Test annulé.</translation>
    </message>
    <message>
        <source>The test failed.</source>
        <translation>Le test a échoué.</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>C</source>
        <comment>the locale (language_COUNTRY) of the answers&apos; dates and numbers; C keeps ISO dates</comment>
        <translation>fr_FR</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>on-track</source>
        <translation>en bonne voie</translation>
    </message>
    <message>
        <source>at-risk</source>
        <translation>à risque</translation>
    </message>
    <message>
        <source>off-track</source>
        <translation>en retard</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>production</source>
        <translation>en production</translation>
    </message>
    <message>
        <source>experimental</source>
        <translation>expérimental</translation>
    </message>
    <message>
        <source>deprecated</source>
        <translation>obsolète</translation>
    </message>
    <message>
        <source>component</source>
        <translation>composant</translation>
    </message>
    <message>
        <source>api</source>
        <translation>API</translation>
    </message>
    <message>
        <source>resource</source>
        <translation>ressource</translation>
    </message>
    <message>
        <source>system</source>
        <translation>système</translation>
    </message>
    <message>
        <source>domain</source>
        <translation>domaine</translation>
    </message>
    <message>
        <source>group</source>
        <translation>groupe</translation>
    </message>
    <message>
        <source>user</source>
        <translation>personne</translation>
    </message>
    <message>
        <source>project</source>
        <translation>projet</translation>
    </message>
    <message>
        <source>goal</source>
        <translation>objectif</translation>
    </message>
    <message>
        <source>location</source>
        <translation>emplacement</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <comment>how answers write a date (QDate::toString format)</comment>
        <translation>d MMMM yyyy</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>a percentage</comment>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>%1:</source>
        <comment>a label before its value</comment>
        <translation>%1&#xa0;:</translation>
    </message>
    <message>
        <source>12</source>
        <comment>width of the label column in text answers: the longest usual label and its colon</comment>
        <translation>15</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <comment>how answers write a moment (QDateTime::toString format)</comment>
        <translation>d MMMM yyyy &apos;à&apos; HH:mm</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modifié</translation>
    </message>
</context>
<context>
    <name>cairn::models::ChangesModel</name>
    <message>
        <source>Would add (held)</source>
        <translation>Ajout prévu (retenu)</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajouté</translation>
    </message>
    <message>
        <source>Would change (held)</source>
        <translation>Modification prévue (retenue)</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Removed upstream</source>
        <translation>Supprimé à la source</translation>
    </message>
    <message>
        <source>Would remove (held)</source>
        <translation>Suppression prévue (retenue)</translation>
    </message>
    <message>
        <source>Kept by another source</source>
        <translation>Conservé par une autre source</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Changement</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type d’entité</translation>
    </message>
</context>
<context>
    <name>cairn::models::EntityTableModel</name>
    <message>
        <source>Ref</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type d’entité</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Espace de noms</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nom affiché</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>Cycle de vie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Part of</source>
        <translation>Fait partie de</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Vu la première fois</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Enfants</translation>
    </message>
    <message>
        <source>Member list</source>
        <translation>Liste des membres</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Équipes</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Objectifs</translation>
    </message>
    <message>
        <source>Updates</source>
        <translation>Nouvelles</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Dernière nouvelle</translation>
    </message>
    <message>
        <source>Slips</source>
        <translation>Glissements</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Actuel</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avancement</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>a percentage</comment>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Santé</translation>
    </message>
    <message>
        <source>Health band</source>
        <translation>Niveau de santé</translation>
    </message>
    <message>
        <source>%1: the worst of its scorecards; the How section shows each with its evidence</source>
        <translation>%1&#xa0;: la moins bonne de ses grilles&#xa0;; la section Comment les montre toutes, avec leurs preuves</translation>
    </message>
</context>
<context>
    <name>cairn::models::GoalTreeModel</name>
    <message>
        <source>%1 %</source>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>Deeper than %1 levels under its top-level goal</source>
        <translation>Plus de %1 niveaux sous son objectif de tête</translation>
    </message>
    <message>
        <source>Its parent goals loop back to it: %1</source>
        <translation>Ses objectifs parents reviennent à lui&#xa0;: %1</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avancement</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Échéance</translation>
    </message>
</context>
<context>
    <name>cairn::models::HygieneModel</name>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type d’entité</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
</context>
<context>
    <name>cairn::models::KindCountsModel</name>
    <message>
        <source>Overview</source>
        <translation>Vue d’ensemble</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Objectifs</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Composants</translation>
    </message>
    <message>
        <source>APIs</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Systems &amp; Domains</source>
        <translation>Systèmes et domaines</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressources</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Équipes</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Removed upstream</source>
        <translation>Supprimés à la source</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Santé</translation>
    </message>
    <message>
        <source>Hygiene</source>
        <translation>Hygiène</translation>
    </message>
</context>
<context>
    <name>cairn::models::RelationsModel</name>
    <message>
        <source>← %1</source>
        <translation>← %1</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entité</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type d’entité</translation>
    </message>
</context>
<context>
    <name>cairn::models::RemovedModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type d’entité</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
</context>
<context>
    <name>cairn::ui::AboutDialog</name>
    <message>
        <source>About Cairn</source>
        <translation>À propos de Cairn</translation>
    </message>
    <message>
        <source>An offline-first directory of your organisation&apos;s work: what each project, goal, team and component is, why it exists, who owns it and how to work with it.</source>
        <translation>Un annuaire hors ligne du travail de votre organisation&#xa0;: ce qu’est chaque projet, objectif, équipe et composant, pourquoi il existe, qui en est responsable et comment s’en servir.</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (compilé avec %2)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <source>Graphviz</source>
        <translation>Graphviz</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>Open the cache&apos;s folder</source>
        <translation>Ouvrir le dossier du cache</translation>
    </message>
</context>
<context>
    <name>cairn::ui::AnswerHtml</name>
    <message>
        <source>target moved once, %1 days</source>
        <translation>échéance déplacée une fois, %1 jours</translation>
    </message>
    <message>
        <source>target moved %1 times, %2 days</source>
        <translation>échéance déplacée %1 fois, %2 jours</translation>
    </message>
    <message>
        <source>(not in the catalog)</source>
        <translation>(absent du catalogue)</translation>
    </message>
    <message>
        <source>(removed upstream)</source>
        <translation>(supprimé à la source)</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… et %1 de plus</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>source&#xa0;: %1</translation>
    </message>
    <message>
        <source>Removed upstream on %1. Cairn keeps this copy; it is no longer in its source.</source>
        <translation>Supprimé à la source le %1. Cairn en garde cette copie&#xa0;; elle ne figure plus dans sa source.</translation>
    </message>
    <message>
        <source>WHAT</source>
        <translation>QUOI</translation>
    </message>
    <message>
        <source>No description.</source>
        <translation>Pas de description.</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>Cycle de vie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Démarré</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Cairn gives no meaning to this kind; its spec as written:</source>
        <translation>Cairn ne connaît pas ce type d’entité&#xa0;; sa spec telle qu’écrite&#xa0;:</translation>
    </message>
    <message>
        <source>WHY</source>
        <translation>POURQUOI</translation>
    </message>
    <message>
        <source>(the goals loop)</source>
        <translation>(les objectifs bouclent)</translation>
    </message>
    <message>
        <source>Serves</source>
        <translation>Sert</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <source>Sub-goals</source>
        <translation>Sous-objectifs</translation>
    </message>
    <message>
        <source>WHO</source>
        <translation>QUI</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Owner&apos;s people</source>
        <translation>Membres du responsable</translation>
    </message>
    <message>
        <source>Owner&apos;s teams</source>
        <translation>Équipes du responsable</translation>
    </message>
    <message>
        <source>none declared</source>
        <translation>aucun déclaré</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Contributors</source>
        <translation>Contributeurs</translation>
    </message>
    <message>
        <source>Parent team</source>
        <translation>Équipe parente</translation>
    </message>
    <message>
        <source>Sub-teams</source>
        <translation>Sous-équipes</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Équipes</translation>
    </message>
    <message>
        <source>Owns</source>
        <translation>Possède</translation>
    </message>
    <message>
        <source>Depended on by</source>
        <translation>Utilisé par</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>measured: %1 of %2 %3</source>
        <translation>mesuré&#xa0;: %1 sur %2 %3</translation>
    </message>
    <message>
        <source>scored</source>
        <translation>noté</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>rolled up from %1 sub-goals and projects</source>
        <translation>calculé sur %1 sous-objectifs et projets</translation>
    </message>
    <message>
        <source>Slips</source>
        <translation>Glissements</translation>
    </message>
    <message>
        <source>first target %1</source>
        <translation>échéance initiale %1</translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd’hui</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>hier</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>il y a %1 jours</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Dernière nouvelle</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Sans nouvelles</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>Historique des statuts</translation>
    </message>
    <message>
        <source>Latest updates</source>
        <translation>Dernières nouvelles</translation>
    </message>
    <message>
        <source>HOW</source>
        <translation>COMMENT</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avancement</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>Dépend de</translation>
    </message>
    <message>
        <source>Provides APIs</source>
        <translation>API fournies</translation>
    </message>
    <message>
        <source>Consumes APIs</source>
        <translation>API consommées</translation>
    </message>
    <message>
        <source>Provided by</source>
        <translation>Fournie par</translation>
    </message>
    <message>
        <source>No links, dependencies or updates.</source>
        <translation>Ni liens, ni dépendances, ni nouvelles.</translation>
    </message>
    <message>
        <source>Nothing in the cache has this reference. Another entity names it (as an owner, a dependency, a member), but its source never delivered it, or it was purged.</source>
        <translation>Rien dans le cache ne porte cette référence. Une autre entité la cite (comme responsable, dépendance ou membre), mais sa source ne l’a jamais fournie, ou elle a été purgée.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>a percentage</comment>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>level %1</source>
        <translation>niveau %1</translation>
    </message>
    <message>
        <source>At risk through a failing dependency:</source>
        <translation>À risque par une dépendance en échec&#xa0;:</translation>
    </message>
</context>
<context>
    <name>cairn::ui::AskBar</name>
    <message>
        <source>Ask: who owns checkout-service?  (Ctrl+K)</source>
        <translation>Demandez&#xa0;: qui possède checkout-service&#xa0;?  (Ctrl+K)</translation>
    </message>
    <message>
        <source>Ask a question</source>
        <translation>Poser une question</translation>
    </message>
    <message>
        <source>Type a question (who owns X, why X, how do I deploy X, projects at risk) or words. Enter asks; Up and Down pick a match.</source>
        <translation>Tapez une question (qui possède X, pourquoi X, comment déployer X, projets à risque) ou des mots. Entrée pose la question&#xa0;; Haut et Bas choisissent un résultat.</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>%1, removed upstream</source>
        <translation>%1, supprimé à la source</translation>
    </message>
    <message>
        <source>Could not search the cache: %1</source>
        <translation>Impossible de chercher dans le cache&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not answer: %1</source>
        <translation>Impossible de répondre&#xa0;: %1</translation>
    </message>
    <message>
        <source>Which one do you mean?</source>
        <translation>Lequel voulez-vous dire&#xa0;?</translation>
    </message>
</context>
<context>
    <name>cairn::ui::Banner</name>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Dismiss the banner</source>
        <translation>Fermer le bandeau</translation>
    </message>
</context>
<context>
    <name>cairn::ui::DamagedCacheNotice</name>
    <message>
        <source>The cache was damaged</source>
        <translation>Le cache était endommagé</translation>
    </message>
    <message>
        <source>Cairn&apos;s cache was damaged. It was moved aside, and Cairn started again on a fresh, empty cache.</source>
        <translation>Le cache de Cairn était endommagé. Il a été mis de côté, et Cairn a redémarré avec un cache neuf et vide.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Dismiss the notice about the damaged cache</source>
        <translation>Fermer l’avis sur le cache endommagé</translation>
    </message>
    <message>
        <source>Its integrity check found damage, so what it held could be wrong or incomplete. Nothing was deleted: the damaged file is now here:</source>
        <translation>Sa vérification d’intégrité a trouvé des dommages&#xa0;: ce qu’il contenait pouvait donc être faux ou incomplet. Rien n’a été effacé&#xa0;: le fichier endommagé se trouve maintenant ici&#xa0;:</translation>
    </message>
    <message>
        <source>The check said: %1</source>
        <translation>Résultat de la vérification&#xa0;: %1</translation>
    </message>
    <message>
        <source>Where the damaged cache file is now</source>
        <translation>Emplacement actuel du fichier de cache endommagé</translation>
    </message>
    <message>
        <source>Show in &amp;Folder</source>
        <translation>Afficher dans le &amp;dossier</translation>
    </message>
    <message>
        <source>Open the folder that holds the damaged file</source>
        <translation>Ouvrir le dossier qui contient le fichier endommagé</translation>
    </message>
    <message>
        <source>Looking for a sound snapshot to restore…</source>
        <translation>Recherche d’un instantané sain à restaurer…</translation>
    </message>
    <message>
        <source>Progress of the restore</source>
        <translation>Avancement de la restauration</translation>
    </message>
    <message>
        <source>&amp;Restore the Latest Good Snapshot</source>
        <translation>&amp;Restaurer le dernier instantané sain</translation>
    </message>
    <message>
        <source>&amp;Sync Again</source>
        <translation>&amp;Synchroniser de nouveau</translation>
    </message>
    <message>
        <source>Read every source again into the fresh cache</source>
        <translation>Relire chaque source dans le nouveau cache</translation>
    </message>
    <message>
        <source>Cairn could not look for a snapshot to restore in %1: %2. Sync your sources again to fill the cache.</source>
        <translation>Cairn n’a pas pu chercher d’instantané à restaurer dans %1&#xa0;: %2. Synchronisez de nouveau vos sources pour remplir le cache.</translation>
    </message>
    <message>
        <source>There is no sound snapshot to restore (none in %1). Sync your sources again to fill the cache.</source>
        <translation>Il n’y a aucun instantané sain à restaurer (aucun dans %1). Synchronisez de nouveau vos sources pour remplir le cache.</translation>
    </message>
    <message>
        <source>The latest good snapshot is %1. Restore it to get back what the cache held then, or sync your sources again to fetch what they hold now.</source>
        <translation>Le dernier instantané sain est %1. Restaurez-le pour retrouver ce que le cache contenait alors, ou synchronisez de nouveau vos sources pour récupérer ce qu’elles contiennent aujourd’hui.</translation>
    </message>
    <message>
        <source>Restoring %1…</source>
        <translation>Restauration de %1…</translation>
    </message>
    <message>
        <source>snapshot %1</source>
        <translation>l’instantané %1</translation>
    </message>
    <message>
        <source>Could not restore %1: %2. You can try again, or sync your sources again instead.</source>
        <translation>Impossible de restaurer %1&#xa0;: %2. Vous pouvez réessayer, ou plutôt synchroniser de nouveau vos sources.</translation>
    </message>
    <message>
        <source>Restored %1. Sync again to bring it up to date; the damaged file stays where it is until you delete it.</source>
        <translation>Restauration de %1 terminée. Synchronisez de nouveau pour mettre le cache à jour&#xa0;; le fichier endommagé reste où il est jusqu’à ce que vous le supprimiez.</translation>
    </message>
    <message>
        <source>Cairn could not open the folder %1 here. The path is selected: copy it into your file manager.</source>
        <translation>Cairn n’a pas pu ouvrir le dossier %1 ici. Le chemin est sélectionné&#xa0;: copiez-le dans votre gestionnaire de fichiers.</translation>
    </message>
</context>
<context>
    <name>cairn::ui::DependencyGraphPanel</name>
    <message>
        <source>Depth: </source>
        <translation>Profondeur&#xa0;: </translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>Profondeur</translation>
    </message>
    <message>
        <source>How many relations away from the entity the graph reaches, each way (1–3)</source>
        <translation>Jusqu’à combien de relations de l’entité le graphe s’étend, dans chaque sens (1–3)</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Zoom arrière (Ctrl+-)</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+=)</source>
        <translation>Zoom avant (Ctrl+=)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Show the whole graph (Ctrl+0)</source>
        <translation>Montrer tout le graphe (Ctrl+0)</translation>
    </message>
    <message>
        <source>Export as &amp;PNG…</source>
        <translation>Exporter en &amp;PNG…</translation>
    </message>
    <message>
        <source>Export as &amp;SVG…</source>
        <translation>Exporter en &amp;SVG…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Save the graph as a PNG or SVG picture</source>
        <translation>Enregistrer le graphe comme image PNG ou SVG</translation>
    </message>
    <message>
        <source>Export the graph</source>
        <translation>Exporter le graphe</translation>
    </message>
    <message>
        <source>Colours of the graph</source>
        <translation>Couleurs du graphe</translation>
    </message>
    <message>
        <source>Select a component, API or resource to see what it depends on and what depends on it.</source>
        <translation>Choisissez un composant, une API ou une ressource pour voir ce dont il dépend et ce qui en dépend.</translation>
    </message>
    <message>
        <source>Reading what %1 depends on…</source>
        <translation>Lecture des dépendances de %1…</translation>
    </message>
    <message>
        <source>Could not show the graph of %1: %2</source>
        <translation>Impossible d’afficher le graphe de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 has no dependencies, dependents or APIs in the catalog.</source>
        <translation>%1 n’a ni dépendances, ni dépendants, ni API dans le catalogue.</translation>
    </message>
    <message numerus="yes">
        <source>%n entities around %1.</source>
        <translation>
            <numerusform>%n entité autour de %1.</numerusform>
            <numerusform>%n entités autour de %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more are left out to keep the graph readable; the + badges say where.</source>
        <translation>
            <numerusform>%n autre est laissée de côté pour garder le graphe lisible&#xa0;; les pastilles + disent où.</numerusform>
            <numerusform>%n autres sont laissées de côté pour garder le graphe lisible&#xa0;; les pastilles + disent où.</numerusform>
        </translation>
    </message>
    <message>
        <source>Dependency graph of %1</source>
        <translation>Graphe des dépendances de %1</translation>
    </message>
    <message>
        <source>No scorecard</source>
        <translation>Aucune grille</translation>
    </message>
    <message>
        <source>At risk through a dependency</source>
        <translation>À risque par une dépendance</translation>
    </message>
    <message>
        <source>There is no graph to export: select an entity first.</source>
        <translation>Il n’y a pas de graphe à exporter&#xa0;: choisissez d’abord une entité.</translation>
    </message>
    <message>
        <source>Export Dependency Graph</source>
        <translation>Exporter le graphe des dépendances</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>Image SVG (*.svg)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <source>Saved the dependency graph to %1</source>
        <translation>Graphe des dépendances enregistré dans %1</translation>
    </message>
    <message>
        <source>Could not export the graph: %1</source>
        <translation>Impossible d’exporter le graphe&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>cairn::ui::DependencyGraphScene</name>
    <message>
        <source>depends on</source>
        <translation>dépend de</translation>
    </message>
    <message>
        <source>provides</source>
        <translation>fournit</translation>
    </message>
    <message>
        <source>consumes</source>
        <translation>utilise</translation>
    </message>
    <message>
        <source>not in the catalog</source>
        <translation>absent du catalogue</translation>
    </message>
    <message>
        <source>removed upstream</source>
        <translation>supprimé à la source</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>Health: %1</source>
        <translation>Santé&#xa0;: %1</translation>
    </message>
    <message>
        <source>No scorecard applies</source>
        <translation>Aucune grille ne s’applique</translation>
    </message>
    <message>
        <source>Not in the catalog</source>
        <translation>Absent du catalogue</translation>
    </message>
    <message>
        <source>Removed upstream</source>
        <translation>Supprimé à la source</translation>
    </message>
    <message numerus="yes">
        <source>%n more dependents not shown</source>
        <translation>
            <numerusform>%n autre dépendant non affiché</numerusform>
            <numerusform>%n autres dépendants non affichés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more dependencies not shown</source>
        <translation>
            <numerusform>%n autre dépendance non affichée</numerusform>
            <numerusform>%n autres dépendances non affichées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::ui::DependencyGraphView</name>
    <message>
        <source>Dependency graph</source>
        <translation>Graphe des dépendances</translation>
    </message>
</context>
<context>
    <name>cairn::ui::DesktopSession</name>
    <message>
        <source>Cairn could not check its cache for damage: %1</source>
        <translation>Cairn n’a pas pu vérifier l’intégrité de son cache&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cairn</source>
        <translation>Cairn</translation>
    </message>
    <message>
        <source>Loading Fennel, the sample organisation, so there is something to look at…</source>
        <translation>Chargement de Fennel, l’organisation d’exemple, pour avoir quelque chose à regarder…</translation>
    </message>
    <message>
        <source>Could not load the sample organisation: %1</source>
        <translation>Impossible de charger l’organisation d’exemple&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 Upgrade Cairn to open it; the file is left as it is.</source>
        <translation>%1 Mettez Cairn à jour pour l’ouvrir&#xa0;; le fichier est laissé tel quel.</translation>
    </message>
    <message>
        <source>%1 Check that the file and its folder can be written.</source>
        <translation>%1 Vérifiez que le fichier et son dossier sont accessibles en écriture.</translation>
    </message>
    <message>
        <source>Cairn found damage in its cache (%1) but could not move the file aside: %2 What the window shows may be wrong or incomplete. Close Cairn, move %3 elsewhere yourself, and start Cairn again.</source>
        <translation>Cairn a trouvé des dommages dans son cache (%1), mais n’a pas pu mettre le fichier de côté&#xa0;: %2 Ce qu’affiche la fenêtre peut être faux ou incomplet. Fermez Cairn, déplacez vous-même %3 ailleurs, puis relancez Cairn.</translation>
    </message>
    <message>
        <source>You are looking at Fennel, a sample organisation bundled with Cairn. Add your own catalog in File ▸ Sources and sync it; the sample stays a source of its own, easy to remove.</source>
        <translation>Vous regardez Fennel, une organisation d’exemple fournie avec Cairn. Ajoutez votre propre catalogue dans Fichier ▸ Sources et synchronisez-le&#xa0;; l’exemple reste une source à part, facile à retirer.</translation>
    </message>
    <message>
        <source>Cairn could not bring component health up to date: %1</source>
        <translation>Cairn n’a pas pu mettre à jour la santé des composants&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 Start Cairn with another cache file, or move this one away.</source>
        <translation>%1 Démarrez Cairn avec un autre fichier de cache, ou déplacez celui-ci.</translation>
    </message>
</context>
<context>
    <name>cairn::ui::DetailPane</name>
    <message>
        <source>Entity details</source>
        <translation>Détails de l’entité</translation>
    </message>
    <message>
        <source>Select an entity to see what it is, why it exists, who owns it and how to work with it.

Or ask: Ctrl+K</source>
        <translation>Choisissez une entité pour voir ce qu’elle est, pourquoi elle existe, à qui elle appartient et comment travailler avec.

Ou posez une question&#xa0;: Ctrl+K</translation>
    </message>
    <message>
        <source>Copy ref</source>
        <translation>Copier la réf.</translation>
    </message>
    <message>
        <source>Copy this entity&apos;s reference (kind:namespace/name)</source>
        <translation>Copier la référence de cette entité (kind:namespace/name)</translation>
    </message>
    <message>
        <source>Copy reference</source>
        <translation>Copier la référence</translation>
    </message>
    <message>
        <source>Could not read %1 from the cache: %2</source>
        <translation>Impossible de lire %1 dans le cache&#xa0;: %2</translation>
    </message>
    <message>
        <source>Could not answer for %1: %2</source>
        <translation>Impossible de répondre pour %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>cairn::ui::EntityTableView</name>
    <message>
        <source>Filter by name or words (Ctrl+F)</source>
        <translation>Filtrer par nom ou par mots (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter the table</source>
        <translation>Filtrer le tableau</translation>
    </message>
    <message>
        <source>Shows the rows whose name or title starts with what you type, or whose words do</source>
        <translation>Affiche les lignes dont le nom, le titre ou l’un des mots commence par ce que vous tapez</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>Choose columns</source>
        <translation>Choisir les colonnes</translation>
    </message>
    <message>
        <source>Choose which columns the table shows; drag a header to reorder</source>
        <translation>Choisir les colonnes affichées&#xa0;; faites glisser un en-tête pour les réordonner</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>Entités</translation>
    </message>
    <message>
        <source>The table could not be read.</source>
        <translation>Impossible de lire le tableau.</translation>
    </message>
    <message>
        <source>Nothing here matches “%1”.</source>
        <translation>Rien ici ne correspond à « %1 ».</translation>
    </message>
    <message>
        <source>The cache holds none of these yet. Sync a source that has them, or import catalog files.</source>
        <translation>Le cache n’en contient encore aucun. Synchronisez une source qui en a, ou importez des fichiers de catalogue.</translation>
    </message>
    <message>
        <source>Could not read the table: %1</source>
        <translation>Impossible de lire le tableau&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation>%1 affichés</translation>
    </message>
    <message>
        <source>Reset to default columns</source>
        <translation>Revenir aux colonnes par défaut</translation>
    </message>
    <message>
        <source>Nothing here matches the filter “%1”.</source>
        <translation>Rien ici ne correspond au filtre «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Only these: %1. Click to show them all.</source>
        <translation>Seulement ceux-ci&#xa0;: %1. Cliquez pour tout afficher.</translation>
    </message>
    <message>
        <source>Filter: %1. Press to remove it</source>
        <translation>Filtre&#xa0;: %1. Appuyez pour le retirer</translation>
    </message>
</context>
<context>
    <name>cairn::ui::Freshness</name>
    <message>
        <source>just now</source>
        <translation>à l’instant</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>il y a %1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>il y a %1 h</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>il y a %1 jours</translation>
    </message>
    <message>
        <source>Offline copy · no source yet</source>
        <translation>Copie hors ligne · aucune source pour l’instant</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>chargé</translation>
    </message>
    <message>
        <source>synced</source>
        <translation>synchronisé</translation>
    </message>
    <message>
        <source>%1 %2 from %3</source>
        <translation>%1 %2 depuis %3</translation>
    </message>
    <message>
        <source>%1 never synced</source>
        <translation>%1 jamais synchronisé</translation>
    </message>
    <message>
        <source> (last sync failed %1)</source>
        <translation> (dernière synchronisation en échec %1)</translation>
    </message>
    <message>
        <source> (removals held)</source>
        <translation> (suppressions retenues)</translation>
    </message>
    <message>
        <source>Offline copy · %1</source>
        <translation>Copie hors ligne · %1</translation>
    </message>
</context>
<context>
    <name>cairn::ui::GraphImageExport</name>
    <message>
        <source>There is no graph to export.</source>
        <translation>Il n’y a pas de graphe à exporter.</translation>
    </message>
    <message>
        <source>Not enough memory for an image of %1 × %2 pixels.</source>
        <translation>Pas assez de mémoire pour une image de %1 × %2 pixels.</translation>
    </message>
    <message>
        <source>Could not encode %1 as PNG.</source>
        <translation>Impossible d’encoder %1 en PNG.</translation>
    </message>
    <message>
        <source>Could not start writing SVG to %1.</source>
        <translation>Impossible de commencer l’écriture SVG dans %1.</translation>
    </message>
    <message>
        <source>Could not finish writing SVG to %1.</source>
        <translation>Impossible de terminer l’écriture SVG dans %1.</translation>
    </message>
</context>
<context>
    <name>cairn::ui::GraphLayout</name>
    <message>
        <source>it gave no reason</source>
        <translation>sans donner de raison</translation>
    </message>
    <message>
        <source>Graphviz could not start: %1</source>
        <translation>Graphviz n’a pas pu démarrer&#xa0;: %1</translation>
    </message>
    <message>
        <source>Graphviz could not make a graph: %1</source>
        <translation>Graphviz n’a pas pu créer le graphe&#xa0;: %1</translation>
    </message>
    <message>
        <source>Graphviz could not lay out the graph (is its “dot” plugin installed and registered with `dot -c`?): %1</source>
        <translation>Graphviz n’a pas pu disposer le graphe (son greffon «&#xa0;dot&#xa0;» est-il installé et enregistré avec `dot -c`&#xa0;?)&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>cairn::ui::HealthDashboard</name>
    <message>
        <source>Health</source>
        <translation>Santé</translation>
    </message>
    <message>
        <source>By scorecard</source>
        <translation>Par grille</translation>
    </message>
    <message>
        <source>&amp;Teams and worst components by:</source>
        <translation>É&amp;quipes et pires composants selon&#xa0;:</translation>
    </message>
    <message>
        <source>Scorecard of the teams and worst components</source>
        <translation>Grille des équipes et des pires composants</translation>
    </message>
    <message>
        <source>By owning team</source>
        <translation>Par équipe propriétaire</translation>
    </message>
    <message>
        <source>Components of each owning team by health band</source>
        <translation>Composants de chaque équipe propriétaire, par niveau de santé</translation>
    </message>
    <message>
        <source>Click a segment for that team&apos;s components in that band, a team&apos;s name for all of them</source>
        <translation>Cliquez sur un segment pour les composants de cette équipe à ce niveau, sur le nom d&apos;une équipe pour tous</translation>
    </message>
    <message>
        <source>Health by owning team</source>
        <translation>Santé par équipe propriétaire</translation>
    </message>
    <message>
        <source>Enter or double-click shows the team&apos;s components; on a band&apos;s number, those in that band</source>
        <translation>Entrée ou double-clic montre les composants de l&apos;équipe&#xa0;; sur le nombre d&apos;un niveau, ceux de ce niveau</translation>
    </message>
    <message>
        <source>Worst components</source>
        <translation>Pires composants</translation>
    </message>
    <message>
        <source>Worst components, lowest score first</source>
        <translation>Pires composants, score le plus bas d&apos;abord</translation>
    </message>
    <message>
        <source>Enter or double-click opens the component</source>
        <translation>Entrée ou double-clic ouvre le composant</translation>
    </message>
    <message>
        <source>Without an owner</source>
        <translation>Sans propriétaire</translation>
    </message>
    <message>
        <source>Owned by %1</source>
        <translation>Appartenant à %1</translation>
    </message>
    <message>
        <source>%1 (not in the catalog)</source>
        <translation>%1 (absent du catalogue)</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>Sans propriétaire</translation>
    </message>
    <message>
        <source>Reading the catalog&apos;s health…</source>
        <translation>Lecture de la santé du catalogue…</translation>
    </message>
    <message>
        <source>The health of the catalog could not be read: %1</source>
        <translation>La santé du catalogue n&apos;a pas pu être lue&#xa0;: %1</translation>
    </message>
    <message>
        <source>The cache holds no components yet. Sync a source that has them, or import catalog files; their health shows here.</source>
        <translation>Le cache ne contient encore aucun composant. Synchronisez une source qui en a, ou importez des fichiers de catalogue&#xa0;; leur santé s&apos;affiche ici.</translation>
    </message>
    <message numerus="yes">
        <source>No scorecard applies to any of the %n components. Scorecards are YAML files: the built-in ones apply to components with a kind and lifecycle; add your own to Cairn&apos;s scorecards folder.</source>
        <translation>
            <numerusform>Aucune grille ne s&apos;applique au composant. Les grilles sont des fichiers YAML&#xa0;: celles fournies s&apos;appliquent aux composants&#xa0;; ajoutez les vôtres au dossier scorecards de Cairn.</numerusform>
            <numerusform>Aucune grille ne s&apos;applique aux %n composants. Les grilles sont des fichiers YAML&#xa0;: celles fournies s&apos;appliquent aux composants&#xa0;; ajoutez les vôtres au dossier scorecards de Cairn.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 components with a scorecard; no scorecard applies to %n more.</source>
        <translation>
            <numerusform>%1 composants avec une grille&#xa0;; aucune grille ne s&apos;applique à %n autre.</numerusform>
            <numerusform>%1 composants avec une grille&#xa0;; aucune grille ne s&apos;applique à %n autres.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n components, each with a scorecard.</source>
        <translation>
            <numerusform>%n composant, avec une grille.</numerusform>
            <numerusform>%n composants, chacun avec une grille.</numerusform>
        </translation>
    </message>
    <message>
        <source>Each component&apos;s worst scorecard</source>
        <translation>La moins bonne grille de chaque composant</translation>
    </message>
    <message>
        <source>%1 by health band</source>
        <translation>%1 par niveau de santé</translation>
    </message>
    <message>
        <source>Levels: %1</source>
        <translation>Niveaux&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n at risk through a dependency that fails it</source>
        <translation>
            <numerusform>%n à risque par une dépendance en échec</numerusform>
            <numerusform>%n à risque par une dépendance en échec</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation>%1 (introuvable)</translation>
    </message>
    <message>
        <source>The %1 teams with the most failing components of %2; the table lists every team.</source>
        <translation>Les %1 équipes qui ont le plus de composants en échec sur %2&#xa0;; le tableau les liste toutes.</translation>
    </message>
    <message>
        <source>%1: %2 failing, %3 need attention, %4 passing</source>
        <translation>%1&#xa0;: %2 en échec, %3 à surveiller, %4 conformes</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Composants</translation>
    </message>
    <message>
        <source>No entity in the catalog has this ref</source>
        <translation>Aucune entité du catalogue n&apos;a cette référence</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Composant</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Scorecard</source>
        <translation>Grille</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <source>Fails</source>
        <translation>Échoue sur</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>%1 %, %2</source>
        <translation>%1&#xa0;%, %2</translation>
    </message>
    <message>
        <source>at risk</source>
        <translation>à risque</translation>
    </message>
</context>
<context>
    <name>cairn::ui::HeldRemovalsDialog</name>
    <message>
        <source>Removals Held — %1</source>
        <translation>Suppressions retenues — %1</translation>
    </message>
    <message>
        <source>Kept Entities — %1</source>
        <translation>Entités gardées — %1</translation>
    </message>
    <message>
        <source>The source changed since you were shown the list: this is the new list.</source>
        <translation>La source a changé depuis que la liste vous a été montrée&#xa0;: voici la nouvelle liste.</translation>
    </message>
    <message>
        <source>These entities are no longer in the source. Double-click one, or press Enter, to see it in the main window before you decide.</source>
        <translation>Ces entités ne sont plus dans la source. Double-cliquez sur l’une d’elles, ou appuyez sur Entrée, pour la voir dans la fenêtre principale avant de décider.</translation>
    </message>
    <message>
        <source>You chose to keep your copy of these entities although the source no longer has them. Double-click one, or press Enter, to see it in the main window.</source>
        <translation>Vous avez choisi de garder votre copie de ces entités bien que la source ne les ait plus. Double-cliquez sur l’une d’elles, ou appuyez sur Entrée, pour la voir dans la fenêtre principale.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Title and description</source>
        <translation>Titre et description</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Entities the sync would remove</source>
        <translation>Entités que la synchronisation supprimerait</translation>
    </message>
    <message>
        <source>Kept entities</source>
        <translation>Entités gardées</translation>
    </message>
    <message>
        <source>&amp;Apply the Removals</source>
        <translation>&amp;Appliquer les suppressions</translation>
    </message>
    <message numerus="yes">
        <source>Removes exactly the %Ln entities listed here: they get a tombstone and stay readable under Removed upstream. A snapshot of the cache is taken first, so the removal can be undone. If the source changed since this list was made, nothing is removed and you are shown the new list.</source>
        <translation>
            <numerusform>Supprime exactement %Ln entité, celle listée ici&#xa0;: elle est marquée comme supprimée et reste lisible dans Supprimés à la source. Un instantané du cache est d’abord pris, pour pouvoir annuler la suppression. Si la source a changé depuis que cette liste a été établie, rien n’est supprimé et la nouvelle liste vous est montrée.</numerusform>
            <numerusform>Supprime exactement les %Ln entités listées ici&#xa0;: elles sont marquées comme supprimées et restent lisibles dans Supprimés à la source. Un instantané du cache est d’abord pris, pour pouvoir annuler la suppression. Si la source a changé depuis que cette liste a été établie, rien n’est supprimé et la nouvelle liste vous est montrée.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Keep My Copy</source>
        <translation>&amp;Garder ma copie</translation>
    </message>
    <message>
        <source>Keeps these entities although “%1” no longer has them. Later syncs of the source still bring its additions and edits, and never remove these; you can apply their removals later from the source&apos;s kept entities.</source>
        <translation>Garde ces entités bien que «&#xa0;%1&#xa0;» ne les ait plus. Les synchronisations suivantes de la source apportent toujours ses ajouts et modifications, sans jamais supprimer celles-ci&#xa0;; vous pourrez appliquer leur suppression plus tard depuis les entités gardées de la source.</translation>
    </message>
    <message>
        <source>Decides nothing: the removals stay held, and the next sync asks again.</source>
        <translation>Ne décide rien&#xa0;: les suppressions restent retenues, et la prochaine synchronisation redemandera.</translation>
    </message>
    <message>
        <source>Decides nothing: the entities stay kept.</source>
        <translation>Ne décide rien&#xa0;: les entités restent gardées.</translation>
    </message>
    <message>
        <source>You kept %1 entities of “%2” that the source no longer has. Nothing is removed unless you apply the removals.</source>
        <translation>Vous avez gardé %1 entités de «&#xa0;%2&#xa0;» que la source n’a plus. Rien n’est supprimé à moins que vous n’appliquiez les suppressions.</translation>
    </message>
    <message>
        <source>The sync of “%1” would remove %2 entities. Nothing has been removed yet.</source>
        <translation>La synchronisation de «&#xa0;%1&#xa0;» supprimerait %2 entités. Rien n’a encore été supprimé.</translation>
    </message>
    <message>
        <source>The sync of “%1” would remove %2 of %3 entities (%4 %). Nothing has been removed yet.</source>
        <translation>La synchronisation de «&#xa0;%1&#xa0;» supprimerait %2 entités sur %3 (%4&#xa0;%). Rien n’a encore été supprimé.</translation>
    </message>
    <message>
        <source>The names and owners could not be read from the cache (%1); the entities are listed by reference.</source>
        <translation>Impossible de lire les noms et les responsables dans le cache (%1)&#xa0;; les entités sont listées par référence.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>cairn::ui::HygieneView</name>
    <message>
        <source>Hygiene report</source>
        <translation>Rapport d’hygiène</translation>
    </message>
    <message>
        <source>Stale data in the catalog, one finding a row: the problem, the entity and why. Press Enter on a row to open its entity.</source>
        <translation>Les données périmées du catalogue, un constat par ligne&#xa0;: le problème, l’entité et pourquoi. Appuyez sur Entrée sur une ligne pour ouvrir son entité.</translation>
    </message>
    <message>
        <source>The hygiene report could not be read: %1</source>
        <translation>Le rapport d’hygiène n’a pas pu être lu&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>cairn::ui::KindNames</name>
    <message>
        <source>Component</source>
        <translation>Composant</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Composants</translation>
    </message>
    <message>
        <source>APIs</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Systems</source>
        <translation>Systèmes</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Domaines</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressources</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Équipes</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Objectifs</translation>
    </message>
    <message>
        <source>Locations</source>
        <translation>Emplacements</translation>
    </message>
</context>
<context>
    <name>cairn::ui::MainWindow</name>
    <message>
        <source>Cairn</source>
        <translation>Cairn</translation>
    </message>
    <message>
        <source>Systems</source>
        <translation>Systèmes</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Domaines</translation>
    </message>
    <message>
        <source>Systems or domains</source>
        <translation>Systèmes ou domaines</translation>
    </message>
    <message>
        <source>Goals and their projects</source>
        <translation>Objectifs et leurs projets</translation>
    </message>
    <message>
        <source>Removed upstream</source>
        <translation>Supprimés à la source</translation>
    </message>
    <message>
        <source>Nothing was removed upstream. When an entity disappears from its source, Cairn keeps it here, readable, with when and where it vanished.</source>
        <translation>Rien n’a été supprimé à la source. Quand une entité disparaît de sa source, Cairn la garde ici, lisible, avec la date et la source de sa disparition.</translation>
    </message>
    <message>
        <source>How old the data is</source>
        <translation>Âge des données</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Export View as CSV…</source>
        <translation>&amp;Exporter la vue en CSV…</translation>
    </message>
    <message>
        <source>Write what the view shows (its columns, filter and order) to a CSV file</source>
        <translation>Écrire ce que montre la vue (ses colonnes, son filtre et son ordre) dans un fichier CSV</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Copy Reference</source>
        <translation>&amp;Copier la référence</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>&amp;Filtrer</translation>
    </message>
    <message>
        <source>&amp;Ask…</source>
        <translation>&amp;Demander…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Reload from Cache</source>
        <translation>&amp;Relire le cache</translation>
    </message>
    <message>
        <source>Read the local cache again (a sync elsewhere is noticed within a second anyway)</source>
        <translation>Relire le cache local (une synchronisation faite ailleurs est de toute façon vue en moins d’une seconde)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>A&amp;ller</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <source>Back to the previous entity (Alt+Left)</source>
        <translation>Revenir à l’entité précédente (Alt+Gauche)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>Forward to the next entity (Alt+Right)</source>
        <translation>Aller à l’entité suivante (Alt+Droite)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;About Cairn</source>
        <translation>À &amp;propos de Cairn</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>The goals could not be read.</source>
        <translation>Impossible de lire les objectifs.</translation>
    </message>
    <message>
        <source>No goals in the catalog yet.</source>
        <translation>Aucun objectif dans le catalogue pour l’instant.</translation>
    </message>
    <message>
        <source>Could not read the goals: %1</source>
        <translation>Impossible de lire les objectifs&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not read the cache again: %1</source>
        <translation>Impossible de relire le cache&#xa0;: %1</translation>
    </message>
    <message>
        <source>Offline copy · could not read the sync log: %1</source>
        <translation>Copie hors ligne · impossible de lire le journal de synchronisation&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cairn shows its local copy. It never claims to be live: this says when each source was last read.</source>
        <translation>Cairn montre sa copie locale. Il ne prétend jamais être en direct&#xa0;: ceci indique quand chaque source a été lue pour la dernière fois.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>No server could be reached. Everything shown comes from the local copy, which stays fully usable.</source>
        <translation>Aucun serveur n’a pu être joint. Tout ce qui s’affiche vient de la copie locale, qui reste pleinement utilisable.</translation>
    </message>
    <message>
        <source>&amp;Sync All Sources</source>
        <translation>&amp;Synchroniser toutes les sources</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <source>Read every source again and update the local copy (F5)</source>
        <translation>Relire chaque source et mettre à jour la copie locale (F5)</translation>
    </message>
    <message>
        <source>Sync &amp;Source</source>
        <translation>Synchroniser une s&amp;ource</translation>
    </message>
    <message>
        <source>&amp;Cancel Sync</source>
        <translation>&amp;Annuler la synchronisation</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Sync the sources that failed again</source>
        <translation>Synchroniser de nouveau les sources en échec</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>Could not read the sources to sync: %1</source>
        <translation>Impossible de lire les sources à synchroniser&#xa0;: %1</translation>
    </message>
    <message>
        <source>There is no source to sync. Add one in File ▸ Sources.</source>
        <translation>Il n’y a aucune source à synchroniser. Ajoutez-en une dans Fichier ▸ Sources.</translation>
    </message>
    <message>
        <source>A sync is already running; wait for it or cancel it (Esc).</source>
        <translation>Une synchronisation est déjà en cours&#xa0;; attendez-la ou annulez-la (Échap).</translation>
    </message>
    <message>
        <source>Could not read the sources: %1</source>
        <translation>Impossible de lire les sources&#xa0;: %1</translation>
    </message>
    <message>
        <source>No sources configured</source>
        <translation>Aucune source configurée</translation>
    </message>
    <message>
        <source>Sync cancelled; the source being synced is as it was.</source>
        <translation>Synchronisation annulée&#xa0;; la source en cours est restée telle quelle.</translation>
    </message>
    <message>
        <source>Cairn could not start again; start it yourself.</source>
        <translation>Cairn n’a pas pu redémarrer&#xa0;; lancez-le vous-même.</translation>
    </message>
    <message>
        <source>Held: %1</source>
        <translation>En attente&#xa0;: %1</translation>
    </message>
    <message>
        <source>S&amp;ources…</source>
        <translation>So&amp;urces…</translation>
    </message>
    <message>
        <source>Add, edit, test or remove the catalogs Cairn reads</source>
        <translation>Ajouter, modifier, tester ou retirer les catalogues que lit Cairn</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Revoir…</translation>
    </message>
    <message>
        <source>See what the held sync would remove, and apply the removals or keep your copy</source>
        <translation>Voir ce que la synchronisation retenue supprimerait, puis appliquer les suppressions ou garder votre copie</translation>
    </message>
    <message>
        <source>Sna&amp;pshots…</source>
        <translation>&amp;Instantanés…</translation>
    </message>
    <message>
        <source>List, take and restore the cache&apos;s snapshots</source>
        <translation>Lister, prendre et restaurer les instantanés du cache</translation>
    </message>
    <message>
        <source>Could not read what you kept of “%1”: %2</source>
        <translation>Impossible de lire ce que vous avez gardé de «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>Could not keep the entities of “%1”: %2</source>
        <translation>Impossible de garder les entités de «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>Kept %n entities of “%1”; later syncs still bring its other changes.</source>
        <translation>
            <numerusform>%n entité de «&#xa0;%1&#xa0;» gardée&#xa0;; les synchronisations suivantes apportent toujours ses autres changements.</numerusform>
            <numerusform>%n entités de «&#xa0;%1&#xa0;» gardées&#xa0;; les synchronisations suivantes apportent toujours ses autres changements.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n kept)</source>
        <translation>
            <numerusform>%1 (%n gardée)</numerusform>
            <numerusform>%1 (%n gardées)</numerusform>
        </translation>
    </message>
    <message>
        <source>Removals from these sources wait for your decision; their other changes still arrive. Click a source to review them.</source>
        <translation>Les suppressions venant de ces sources attendent votre décision&#xa0;; leurs autres changements arrivent toujours. Cliquez sur une source pour les revoir.</translation>
    </message>
    <message>
        <source>Dependency Graph</source>
        <translation>Graphe des dépendances</translation>
    </message>
    <message>
        <source>Dependency &amp;Graph</source>
        <translation>&amp;Graphe des dépendances</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>Graphe</translation>
    </message>
    <message>
        <source>What the entity depends on and what depends on it, coloured by health (Ctrl+G)</source>
        <translation>Ce dont l’entité dépend et ce qui en dépend, coloré selon la santé (Ctrl+G)</translation>
    </message>
</context>
<context>
    <name>cairn::ui::OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>Vue d’ensemble</translation>
    </message>
    <message>
        <source>PROJECTS THAT NEED ATTENTION</source>
        <translation>PROJETS QUI DEMANDENT DE L’ATTENTION</translation>
    </message>
    <message>
        <source>No project is at risk or off track.</source>
        <translation>Aucun projet n’est à risque ni en retard.</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Slips</source>
        <translation>Glissements</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Dernière nouvelle</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>%1 (stale)</source>
        <translation>%1 (sans nouvelles)</translation>
    </message>
    <message>
        <source>All projects →</source>
        <translation>Tous les projets →</translation>
    </message>
    <message>
        <source>GOALS</source>
        <translation>OBJECTIFS</translation>
    </message>
    <message>
        <source>No goals in the catalog.</source>
        <translation>Aucun objectif dans le catalogue.</translation>
    </message>
    <message>
        <source>Goal tree →</source>
        <translation>Arbre des objectifs →</translation>
    </message>
    <message>
        <source>WHAT CHANGED</source>
        <translation>CE QUI A CHANGÉ</translation>
    </message>
    <message>
        <source>No sync has changed anything yet.</source>
        <translation>Aucune synchronisation n’a encore rien changé.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>%1 more changes in the sync log.</source>
        <translation>%1 autres changements dans le journal de synchronisation.</translation>
    </message>
    <message>
        <source>Could not read the cache: %1</source>
        <translation>Impossible de lire le cache&#xa0;: %1</translation>
    </message>
    <message>
        <source>Reading the catalog…</source>
        <translation>Lecture du catalogue…</translation>
    </message>
</context>
<context>
    <name>cairn::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>The system&apos;s (%1)</source>
        <translation>Celle du système (%1)</translation>
    </message>
    <message>
        <source>The language of the window and of the answers. The command line&apos;s answers follow the question&apos;s language.</source>
        <translation>La langue de la fenêtre et des réponses. En ligne de commande, les réponses suivent la langue de la question.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>Save and &amp;Restart</source>
        <translation>Enregistrer et &amp;redémarrer</translation>
    </message>
    <message>
        <source>Cairn speaks %1 from its next start.</source>
        <translation>Cairn parlera %1 dès son prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>cairn::ui::ScreenshotTour</name>
    <message>
        <source>Could not create the folder %1</source>
        <translation>Impossible de créer le dossier %1</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>Impossible d’écrire %1</translation>
    </message>
</context>
<context>
    <name>cairn::ui::Sidebar</name>
    <message>
        <source>Views</source>
        <translation>Vues</translation>
    </message>
</context>
<context>
    <name>cairn::ui::SnapshotWords</name>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <comment>when a snapshot was taken (QDateTime::toString format)</comment>
        <translation>d MMMM yyyy &apos;à&apos; HH:mm</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a snapshot&apos;s time and how long ago it was</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Before removals of “%1”</source>
        <comment>a sync about to tombstone entities of this source</comment>
        <translation>Avant les suppressions de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Before restoring %1</source>
        <comment>the snapshot id being restored</comment>
        <translation>Avant la restauration de %1</translation>
    </message>
    <message>
        <source>Before removing source “%1”</source>
        <translation>Avant le retrait de la source «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Before purging removed entities</source>
        <translation>Avant la purge des entités supprimées</translation>
    </message>
    <message>
        <source>Taken by hand</source>
        <translation>Pris à la main</translation>
    </message>
    <message>
        <source>—</source>
        <comment>a snapshot taken before Cairn kept why</comment>
        <translation>—</translation>
    </message>
    <message>
        <source>1 entity</source>
        <translation>1 entité</translation>
    </message>
    <message>
        <source>%1 entities</source>
        <translation>%1 entités</translation>
    </message>
    <message>
        <source>the snapshot of %1, %2</source>
        <translation>l’instantané du %1, %2</translation>
    </message>
    <message>
        <source>the snapshot of %1, %2, %3</source>
        <translation>l’instantané du %1, %2, %3</translation>
    </message>
</context>
<context>
    <name>cairn::ui::SnapshotsDialog</name>
    <message>
        <source>Snapshots</source>
        <translation>Instantanés</translation>
    </message>
    <message>
        <source>A snapshot is a complete copy of the cache. Cairn takes one before a sync removes anything, before a source is removed and before a restore, and keeps the newest %1. They are in %2.</source>
        <translation>Un instantané est une copie complète du cache. Cairn en prend un avant qu’une synchronisation ne supprime quoi que ce soit, avant le retrait d’une source et avant une restauration, et garde les %1 plus récents. Ils se trouvent dans %2.</translation>
    </message>
    <message>
        <source>Snapshots, newest first</source>
        <translation>Instantanés, du plus récent au plus ancien</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Pris le</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>Entités</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>No snapshots yet. Cairn takes one before a sync removes anything; Take Snapshot Now takes one now.</source>
        <translation>Aucun instantané pour l’instant. Cairn en prend un avant qu’une synchronisation ne supprime quoi que ce soit&#xa0;; «&#xa0;Prendre un instantané maintenant&#xa0;» en prend un tout de suite.</translation>
    </message>
    <message>
        <source>Progress of the snapshot work</source>
        <translation>Avancement du travail sur les instantanés</translation>
    </message>
    <message>
        <source>&amp;Take Snapshot Now</source>
        <translation>&amp;Prendre un instantané maintenant</translation>
    </message>
    <message>
        <source>Copy the cache as it is now into a new snapshot</source>
        <translation>Copier le cache dans son état actuel vers un nouvel instantané</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurer…</translation>
    </message>
    <message>
        <source>Put the cache back as it was when the selected snapshot was taken</source>
        <translation>Remettre le cache dans l’état où il était quand l’instantané sélectionné a été pris</translation>
    </message>
    <message>
        <source>Reading the snapshots…</source>
        <translation>Lecture des instantanés…</translation>
    </message>
    <message>
        <source>Snapshot %1 (%2)</source>
        <translation>Instantané %1 (%2)</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>illisible</translation>
    </message>
    <message>
        <source>Cairn could not read this snapshot: %1</source>
        <translation>Cairn n’a pas pu lire cet instantané&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not read the snapshots in %1: %2</source>
        <translation>Impossible de lire les instantanés dans %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Taking a snapshot of the cache…</source>
        <translation>Prise d’un instantané du cache…</translation>
    </message>
    <message>
        <source>Could not take a snapshot: %1</source>
        <translation>Impossible de prendre un instantané&#xa0;: %1</translation>
    </message>
    <message>
        <source>Snapshot taken: %1.</source>
        <translation>Instantané pris&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The older snapshots could not be removed: %1</source>
        <translation>Impossible de supprimer les instantanés plus anciens&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cairn keeps the newest %1; the oldest was removed.</source>
        <translation>Cairn garde les %1 plus récents&#xa0;; le plus ancien a été supprimé.</translation>
    </message>
    <message>
        <source>Cairn keeps the newest %1; the %2 oldest were removed.</source>
        <translation>Cairn garde les %1 plus récents&#xa0;; les %2 plus anciens ont été supprimés.</translation>
    </message>
    <message>
        <source>Restore Snapshot</source>
        <translation>Restaurer un instantané</translation>
    </message>
    <message>
        <source>Restore %1?</source>
        <translation>Restaurer %1&#xa0;?</translation>
    </message>
    <message>
        <source>The cache will hold exactly what it held then; syncs since then are undone. What it holds now is first kept as a new snapshot, so you can undo this restore from this list. The window then reloads.</source>
        <translation>Le cache contiendra exactement ce qu’il contenait alors&#xa0;; les synchronisations faites depuis sont annulées. Son contenu actuel est d’abord gardé dans un nouvel instantané, pour que vous puissiez annuler cette restauration depuis cette liste. La fenêtre se recharge ensuite.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Restoring %1…</source>
        <translation>Restauration de %1…</translation>
    </message>
    <message>
        <source>Could not restore %1: %2</source>
        <translation>Impossible de restaurer %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Restored %1. What the cache held before is kept as a new snapshot, selected at the top of the list: restore it to undo this.</source>
        <translation>Restauration de %1 terminée. Ce que le cache contenait avant est gardé dans un nouvel instantané, sélectionné en haut de la liste&#xa0;: restaurez-le pour annuler cette restauration.</translation>
    </message>
    <message>
        <source>Keeping what the cache holds now as a snapshot, so the restore can be undone…</source>
        <translation>Sauvegarde du contenu actuel du cache dans un instantané, pour pouvoir annuler la restauration…</translation>
    </message>
    <message>
        <source>snapshot %1</source>
        <translation>l’instantané %1</translation>
    </message>
</context>
<context>
    <name>cairn::ui::SourceEditorDialog</name>
    <message>
        <source>Edit source “%1”</source>
        <translation>Modifier la source «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Add a source</source>
        <translation>Ajouter une source</translation>
    </message>
    <message>
        <source>e.g. backstage, platform-bundle</source>
        <translation>p. ex. backstage, platform-bundle</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <source>None: the source is open to read</source>
        <translation>Aucun&#xa0;: la source est lisible librement</translation>
    </message>
    <message>
        <source>In the system keychain:</source>
        <translation>Dans le trousseau du système&#xa0;:</translation>
    </message>
    <message>
        <source>In an environment variable:</source>
        <translation>Dans une variable d’environnement&#xa0;:</translation>
    </message>
    <message>
        <source>the token</source>
        <translation>le jeton</translation>
    </message>
    <message>
        <source>Token to keep in the system keychain</source>
        <translation>Jeton à garder dans le trousseau du système</translation>
    </message>
    <message>
        <source>e.g. CATALOG_TOKEN</source>
        <translation>p. ex. CATALOG_TOKEN</translation>
    </message>
    <message>
        <source>Environment variable that holds the token</source>
        <translation>Variable d’environnement qui contient le jeton</translation>
    </message>
    <message>
        <source>Cairn never writes a token into its cache, its settings or its logs.</source>
        <translation>Cairn n’écrit jamais de jeton dans son cache, ses réglages ou ses journaux.</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Read the source as typed here, token included, without saving anything</source>
        <translation>Lire la source telle que saisie ici, jeton compris, sans rien enregistrer</translation>
    </message>
    <message>
        <source>Cancel test</source>
        <translation>Annuler le test</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Emplacement&#xa0;:</translation>
    </message>
    <message>
        <source>A source keeps its name: its entities, what was removed upstream and its sync log are recorded under it. To rename it, add a new source and remove this one.</source>
        <translation>Une source garde son nom&#xa0;: ses entités, ce qui a été supprimé à la source et son journal de synchronisation sont enregistrés sous ce nom. Pour la renommer, ajoutez une nouvelle source et retirez celle-ci.</translation>
    </message>
    <message>
        <source>leave empty to keep the stored token</source>
        <translation>laisser vide pour garder le jeton enregistré</translation>
    </message>
    <message>
        <source>The address of the Backstage catalog API; it usually ends in /api/catalog</source>
        <translation>L’adresse de l’API du catalogue Backstage&#xa0;; elle se termine généralement par /api/catalog</translation>
    </message>
    <message>
        <source>https://example.com/catalog.json, or a file</source>
        <translation>https://example.com/catalog.json, ou un fichier</translation>
    </message>
    <message>
        <source>A bundle&apos;s http(s) address, or a bundle file on this computer (JSON, NDJSON, gzip)</source>
        <translation>L’adresse http(s) d’un lot, ou un fichier de lot sur cet ordinateur (JSON, NDJSON, gzip)</translation>
    </message>
    <message>
        <source>a folder of catalog-info.yaml or compass.yml files</source>
        <translation>un dossier de fichiers catalog-info.yaml ou compass.yml</translation>
    </message>
    <message>
        <source>A folder, searched with its subfolders for catalog files</source>
        <translation>Un dossier, parcouru avec ses sous-dossiers à la recherche de fichiers de catalogue</translation>
    </message>
    <message>
        <source>Choose a bundle file</source>
        <translation>Choisir un fichier de lot</translation>
    </message>
    <message>
        <source>Bundles (*.json *.ndjson *.jsonl *.gz);;All files (*)</source>
        <translation>Lots (*.json *.ndjson *.jsonl *.gz);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Choose a folder of catalog files</source>
        <translation>Choisir un dossier de fichiers de catalogue</translation>
    </message>
    <message>
        <source>new source</source>
        <translation>nouvelle source</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
    <message>
        <source>No token was sent: %1</source>
        <translation>Aucun jeton n’a été envoyé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Saving, and storing the token in the system keychain…</source>
        <translation>Enregistrement, et stockage du jeton dans le trousseau du système…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>The source was not saved: %1 Check that the cache file can be written, and save again.</source>
        <translation>La source n’a pas été enregistrée&#xa0;: %1 Vérifiez que le fichier du cache est accessible en écriture, puis enregistrez de nouveau.</translation>
    </message>
</context>
<context>
    <name>cairn::ui::SourcesDialog</name>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Where Cairn reads your organisation from. Each sync reads every source in this order; an entity found in two sources is kept from the first.</source>
        <translation>Les endroits où Cairn lit votre organisation. Chaque synchronisation lit toutes les sources dans cet ordre&#xa0;; une entité trouvée dans deux sources est prise dans la première.</translation>
    </message>
    <message>
        <source>Configured sources</source>
        <translation>Sources configurées</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>Entités</translation>
    </message>
    <message>
        <source>No sources yet. Add a Backstage catalog, a bundle or a folder of catalog files, then sync it.</source>
        <translation>Aucune source pour l’instant. Ajoutez un catalogue Backstage, un lot ou un dossier de fichiers de catalogue, puis synchronisez-le.</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Retirer…</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Synchroniser maintenant</translation>
    </message>
    <message>
        <source>Read the selected source now and bring the cache up to date</source>
        <translation>Lire maintenant la source sélectionnée et mettre le cache à jour</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>This source was not made here (the sample organisation, or an import of several paths): remove it and add it again to change it.</source>
        <translation>Cette source n’a pas été créée ici (l’organisation d’exemple, ou un import de plusieurs chemins)&#xa0;: retirez-la et ajoutez-la de nouveau pour la modifier.</translation>
    </message>
    <message>
        <source>Reading the sources…</source>
        <translation>Lecture des sources…</translation>
    </message>
    <message>
        <source>Could not read the sources from the cache %1: %2</source>
        <translation>Impossible de lire les sources dans le cache %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln more removed upstream, kept under Removed upstream</source>
        <translation>
            <numerusform>%Ln autre supprimée à la source, gardée dans Supprimés à la source</numerusform>
            <numerusform>%Ln autres supprimées à la source, gardées dans Supprimés à la source</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved “%1”. It reads a new location now: the next sync reads it whole, and what is not there any more is kept under Removed upstream.</source>
        <translation>«&#xa0;%1&#xa0;» enregistrée. Elle lit désormais un nouvel emplacement&#xa0;: la prochaine synchronisation le lira entièrement, et ce qui n’y est plus sera gardé dans Supprimés à la source.</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>«&#xa0;%1&#xa0;» enregistrée.</translation>
    </message>
    <message>
        <source>Added “%1”. Sync it to read its entities.</source>
        <translation>«&#xa0;%1&#xa0;» ajoutée. Synchronisez-la pour lire ses entités.</translation>
    </message>
    <message>
        <source>Its old token stays in the system keychain: %1</source>
        <translation>Son ancien jeton reste dans le trousseau du système&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Its %Ln entities will be kept as removed upstream: still readable under Removed upstream, with when they went, until you purge them.</source>
        <translation>
            <numerusform>%Ln entité de cette source sera gardée comme supprimée à la source&#xa0;: toujours lisible dans Supprimés à la source, avec la date de sa disparition, jusqu’à ce que vous la purgiez.</numerusform>
            <numerusform>Les %Ln entités de cette source seront gardées comme supprimées à la source&#xa0;: toujours lisibles dans Supprimés à la source, avec la date de leur disparition, jusqu’à ce que vous les purgiez.</numerusform>
        </translation>
    </message>
    <message>
        <source>A snapshot of the cache is taken first, so the removal can be undone (File ▸ Snapshots, or “cairn snapshot restore”).</source>
        <translation>Un instantané du cache est d’abord pris, pour pouvoir annuler le retrait (Fichier ▸ Instantanés, ou «&#xa0;cairn snapshot restore&#xa0;»).</translation>
    </message>
    <message>
        <source>The token kept for it in the system keychain is forgotten.</source>
        <translation>Le jeton gardé pour elle dans le trousseau du système sera oublié.</translation>
    </message>
    <message>
        <source>Remove “%1”?</source>
        <translation>Retirer «&#xa0;%1&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Remove the source “%1” (%2, %3)?</source>
        <translation>Retirer la source «&#xa0;%1&#xa0;» (%2, %3)&#xa0;?</translation>
    </message>
    <message>
        <source>Remove source</source>
        <translation>Retirer la source</translation>
    </message>
    <message>
        <source>Removing “%1”: taking a snapshot, then keeping its entities as removed upstream…</source>
        <translation>Retrait de «&#xa0;%1&#xa0;»&#xa0;: prise d’un instantané, puis conservation de ses entités comme supprimées à la source…</translation>
    </message>
    <message>
        <source>“%1” was not removed: %2</source>
        <translation>«&#xa0;%1&#xa0;» n’a pas été retirée&#xa0;: %2</translation>
    </message>
    <message>
        <source>“%1” was already gone: nothing was changed.</source>
        <translation>«&#xa0;%1&#xa0;» n’existait déjà plus&#xa0;: rien n’a été modifié.</translation>
    </message>
    <message numerus="yes">
        <source>Removed “%1”. Its %Ln entities are kept under Removed upstream.</source>
        <translation>
            <numerusform>«&#xa0;%1&#xa0;» retirée. %Ln entité est gardée dans Supprimés à la source.</numerusform>
            <numerusform>«&#xa0;%1&#xa0;» retirée. Ses %Ln entités sont gardées dans Supprimés à la source.</numerusform>
        </translation>
    </message>
    <message>
        <source>Snapshot %1 was taken first.</source>
        <translation>L’instantané %1 a d’abord été pris.</translation>
    </message>
    <message>
        <source>Its token is still in the system keychain: %1</source>
        <translation>Son jeton est toujours dans le trousseau du système&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>cairn::ui::SyncController</name>
    <message>
        <source>Syncing “%1”…</source>
        <translation>Synchronisation de « %1 »…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>cairn::ui::SyncMessages</name>
    <message>
        <source>listing entities…</source>
        <translation>liste des entités…</translation>
    </message>
    <message>
        <source>downloading…</source>
        <translation>téléchargement…</translation>
    </message>
    <message>
        <source>checking entities…</source>
        <translation>vérification des entités…</translation>
    </message>
    <message>
        <source>saving entities…</source>
        <translation>enregistrement des entités…</translation>
    </message>
    <message>
        <source>listing %1 of %2 entities</source>
        <translation>liste de %1 entités sur %2</translation>
    </message>
    <message>
        <source>listing entities (%1 so far)</source>
        <translation>liste des entités (%1 pour l’instant)</translation>
    </message>
    <message>
        <source>downloading %1 of %2 entities</source>
        <translation>téléchargement de %1 entités sur %2</translation>
    </message>
    <message>
        <source>downloading (%1 entities so far)</source>
        <translation>téléchargement (%1 entités pour l’instant)</translation>
    </message>
    <message>
        <source>checking %1 of %2 entities</source>
        <translation>vérification de %1 entités sur %2</translation>
    </message>
    <message>
        <source>checking entities (%1 so far)</source>
        <translation>vérification des entités (%1 pour l’instant)</translation>
    </message>
    <message>
        <source>saving %1 of %2 entities</source>
        <translation>enregistrement de %1 entités sur %2</translation>
    </message>
    <message>
        <source>saving entities (%1 so far)</source>
        <translation>enregistrement des entités (%1 pour l’instant)</translation>
    </message>
    <message>
        <source>Syncing “%1” (%2 of %3)</source>
        <translation>Synchronisation de « %1 » (%2 sur %3)</translation>
    </message>
    <message>
        <source>Syncing “%1”</source>
        <translation>Synchronisation de « %1 »</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>The sync of “%1” would remove %n entities, more than Cairn removes without asking. Nothing was changed; review the list to apply the removals or keep your copy.</source>
        <translation>
            <numerusform>La synchronisation de « %1 » supprimerait %n entité, plus que Cairn n’en supprime sans demander. Rien n’a été modifié&#xa0;; revoyez la liste pour appliquer la suppression ou garder votre copie.</numerusform>
            <numerusform>La synchronisation de « %1 » supprimerait %n entités, plus que Cairn n’en supprime sans demander. Rien n’a été modifié&#xa0;; revoyez la liste pour appliquer les suppressions ou garder votre copie.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cairn could not reach “%1”: you seem to be offline, or its server is down. You are looking at your last copy.</source>
        <translation>Cairn n’a pas pu joindre « %1 »&#xa0;: vous semblez hors ligne, ou son serveur est arrêté. Vous voyez votre dernière copie.</translation>
    </message>
    <message>
        <source>“%1” needs a token and the keychain holds none. Enter it in File ▸ Sources.</source>
        <translation>« %1 » demande un jeton et le trousseau n’en contient aucun. Saisissez-le dans Fichier ▸ Sources.</translation>
    </message>
    <message>
        <source>“%1” refused the token. Check it in File ▸ Sources.</source>
        <translation>« %1 » a refusé le jeton. Vérifiez-le dans Fichier ▸ Sources.</translation>
    </message>
    <message>
        <source>The server of “%1” failed. Cairn kept your copy; try again later.</source>
        <translation>Le serveur de « %1 » a échoué. Cairn a gardé votre copie&#xa0;; réessayez plus tard.</translation>
    </message>
    <message>
        <source>The certificate of “%1” is not trusted, so Cairn did not send it anything. Your copy is unchanged.</source>
        <translation>Le certificat de « %1 » n’est pas reconnu, Cairn ne lui a donc rien envoyé. Votre copie est inchangée.</translation>
    </message>
    <message>
        <source>There is nothing at the address of “%1”. Check it in File ▸ Sources.</source>
        <translation>Il n’y a rien à l’adresse de « %1 ». Vérifiez-la dans Fichier ▸ Sources.</translation>
    </message>
    <message>
        <source>The sync of “%1” stopped: the disk is full. Your copy is unchanged.</source>
        <translation>La synchronisation de « %1 » s’est arrêtée&#xa0;: le disque est plein. Votre copie est inchangée.</translation>
    </message>
    <message>
        <source>The sync of “%1” could not write the cache file. Your copy is unchanged.</source>
        <translation>La synchronisation de « %1 » n’a pas pu écrire le fichier du cache. Votre copie est inchangée.</translation>
    </message>
    <message>
        <source>The sync of “%1” found the cache damaged. Restore a snapshot from File ▸ Snapshots.</source>
        <translation>La synchronisation de « %1 » a trouvé le cache endommagé. Restaurez un instantané depuis Fichier ▸ Instantanés.</translation>
    </message>
    <message>
        <source>“%1” is not set up right. Check it in File ▸ Sources.</source>
        <translation>« %1 » est mal configurée. Vérifiez-la dans Fichier ▸ Sources.</translation>
    </message>
    <message>
        <source>The sync of “%1” was cancelled; nothing was changed.</source>
        <translation>La synchronisation de « %1 » a été annulée&#xa0;; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The sync of “%1” failed. Your copy is unchanged.</source>
        <translation>La synchronisation de « %1 » a échoué. Votre copie est inchangée.</translation>
    </message>
    <message>
        <source>Synced “%1”</source>
        <translation>« %1 » synchronisée</translation>
    </message>
    <message numerus="yes">
        <source>Synced %n sources</source>
        <translation>
            <numerusform>%n source synchronisée</numerusform>
            <numerusform>%n sources synchronisées</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: nothing new.</source>
        <translation>%1&#xa0;: rien de nouveau.</translation>
    </message>
    <message>
        <source>%1: %2 added, %3 changed, %4 removed.</source>
        <translation>%1&#xa0;: %2 ajoutées, %3 modifiées, %4 supprimées.</translation>
    </message>
</context>
<context>
    <name>cairn::ui::SyncProgressWidget</name>
    <message>
        <source>Sync progress</source>
        <translation>Avancement de la synchronisation</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel the sync (Esc): the source being synced stays as it was</source>
        <translation>Annuler la synchronisation (Échap)&#xa0;: la source en cours reste telle quelle</translation>
    </message>
    <message>
        <source>Cancel the sync</source>
        <translation>Annuler la synchronisation</translation>
    </message>
</context>
<context>
    <name>cairn::ui::ViewExporter</name>
    <message>
        <source>Export View as CSV</source>
        <translation>Exporter la vue en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>An export is still running.</source>
        <translation>Un export est encore en cours.</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Export de %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Exported %1 rows to %2</source>
        <translation>%1 lignes exportées dans %2</translation>
    </message>
    <message>
        <source>Export cancelled; %1 was left as it was.</source>
        <translation>Export annulé&#xa0;; %1 est resté tel quel.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l’export</translation>
    </message>
    <message>
        <source>Could not write %1: %2

Nothing was replaced.</source>
        <translation>Impossible d’écrire %1&#xa0;: %2

Rien n’a été remplacé.</translation>
    </message>
</context>
</TS>
