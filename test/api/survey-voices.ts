/**
 * Thirty responses of municipal staff in three departments, written for the drive test (new text, not from the
 * reader's corpus): Burgerzaken worries about rules and procedures (blue), Belastingen about targets and speed
 * (orange), the Wijkteam about colleagues and the atmosphere (green). Each: [worries, needs].
 */
export const VOICES: Record<string, [string, string][]> = {
  Burgerzaken: [
    [
      'Niemand heeft vastgelegd welke stappen we moeten volgen bij een verhuizing.',
      'Een duidelijk werkproces op papier, met wie wat controleert.',
    ],
    ['Ik ben bang dat de regels voor paspoorten niet goed in het systeem zitten.', 'Een handleiding met de vaste procedure per product.'],
    [
      'Straks doet iedereen het op zijn eigen manier en klopt de registratie niet meer.',
      'Vaste afspraken en een protocol dat voor iedereen geldt.',
    ],
    ['Het is onduidelijk wie de wijzigingen in de basisregistratie goedkeurt.', 'Een overzicht van taken en bevoegdheden.'],
    ['De oude werkinstructies kloppen niet meer en nieuwe zijn er nog niet.', 'Eerst de werkinstructies af, daarna pas live.'],
    ['Fouten in de gegevens van burgers, omdat de controles ontbreken.', 'Een vaste controle voordat een akte de deur uitgaat.'],
    [
      'Ik weet niet welke wet- en regelgeving het systeem volgt.',
      'Heldere regels en een vast aanspreekpunt voor vragen over de procedure.',
    ],
    [
      'Dat we afwijken van de landelijke voorschriften zonder dat iemand het merkt.',
      'Een planning met vaste stappen en een duidelijke volgorde.',
    ],
    ['Het archief en de dossiers raken door elkaar als de structuur verandert.', 'Een vaste indeling van dossiers en een checklist.'],
    ['Onduidelijke procedures bij de balie, iedereen zegt iets anders.', 'Eén vastgesteld werkproces, netjes beschreven en goedgekeurd.'],
  ],
  Belastingen: [
    ['Dat de aanslagen later de deur uitgaan en we onze targets niet halen.', 'Snelle resultaten en cijfers over de doorlooptijd.'],
    [
      'Het nieuwe pakket kost ons weken productie, terwijl de deadline gewoon blijft.',
      'Een dashboard waarin ik zie hoeveel bezwaren we per week afhandelen.',
    ],
    ['Ik mis een businesscase: wat levert dit ons op in tijd en geld?', 'Meetbare doelen en een duidelijke winst in efficiëntie.'],
    [
      'We lopen achter met de WOZ-bezwaren en dit vertraagt alles nog meer.',
      'Sneller werken, minder klikken, meer zaken per dag afronden.',
    ],
    ['Dat het systeem traag is en we minder productie draaien.', 'Een snelle start en cijfers die laten zien dat het werkt.'],
    ['Concurrentie met andere gemeenten: zij zijn al verder en efficiënter.', 'Een ambitieus doel en een beloning als we het halen.'],
    ['Dat we veel tijd verliezen aan overbodige stappen.', 'Resultaatgericht werken, met kpi’s per team.'],
    ['Het rendement is onduidelijk; we investeren veel en zien nog geen resultaat.', 'Kwartaalcijfers over wat het oplevert.'],
    [
      'Onze productiviteit zakt in de eerste maanden, dat is slecht voor onze cijfers.',
      'Een plan om snel weer op het oude tempo te komen en daarna hoger.',
    ],
    ['Ik wil niet dat het project uitloopt en de opbrengst lager wordt.', 'Een strakke deadline en een duidelijk succescriterium.'],
  ],
  Wijkteam: [
    ['Dat het contact met collega’s minder wordt als alles via het systeem gaat.', 'Tijd om samen te praten over hoe we het willen doen.'],
    [
      'Ik maak me zorgen over de sfeer in ons team; sommigen voelen zich niet gehoord.',
      'Dat iedereen mee mag praten en dat we naar elkaar luisteren.',
    ],
    ['Dat de menselijke kant van ons werk verdwijnt achter formulieren.', 'Ruimte voor gevoel en aandacht voor elkaar.'],
    [
      'Collega’s die moeite hebben met computers voelen zich buitengesloten.',
      'Samen leren, in kleine groepjes, zodat niemand achterblijft.',
    ],
    ['Dat er over ons wordt besloten zonder dat wij betrokken zijn.', 'Inspraak en een gesprek waarin iedereen gelijkwaardig is.'],
    ['Ik ben bang dat we elkaar minder zien en minder steunen.', 'Een gezamenlijke bijeenkomst om ervaringen te delen.'],
    ['Het vertrouwen tussen ons en de bewoners kan eronder lijden.', 'Dat we het samen doen en rekening houden met elkaars zorgen.'],
    [
      'Spanning in het team omdat niet iedereen er hetzelfde over denkt.',
      'Een open gesprek waarin we elkaar begrijpen en er samen uitkomen.',
    ],
    ['Dat nieuwe collega’s zich alleen voelen met al die veranderingen.', 'Een maatje in het team en veel onderling contact.'],
    ['Dat de harmonie in de groep verdwijnt door de drukte.', 'Dat we met z’n allen besluiten en iedereen zich welkom voelt.'],
  ],
};
