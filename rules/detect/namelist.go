package detect

import "strings"

// A modest list of frequent given names and surnames from the countries CRMs here serve
// (GB/US, DE, FR, ES, IT, NL, PL, PT, TR, Arabic, Chinese pinyin and characters). It is
// value evidence only: a hit confirms a name column, and a column where most values hit
// is probably names. Words that are also common nouns or colours (Brown, White, Price,
// Long) are left out so that product and status columns do not match.

var givenNames = wordSet(`
james john robert michael william david richard joseph thomas charles christopher daniel matthew
anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason
jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel
gregory frank alexander raymond patrick jack dennis jerry tyler aaron adam nathan henry douglas
zachary peter kyle walter ethan jeremy harold keith christian roger noah gerald carl terry sean
austin arthur lawrence jesse dylan bryan jordan bruce albert gabriel logan alan wayne ralph eugene
vincent russell elijah louis philip oliver harry charlie oscar leo archie freddie alfie
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret
sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca
sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha
katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie
joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha
jacqueline frances gloria teresa kathryn sara janice jean alice madison doris abigail julia judy
denise marilyn beverly danielle theresa sophia marie diana brittany natalie isabella charlotte
alexis kayla amelia isla ava mia sophie chloe lucy ella poppy
lukas leon maximilian felix jonas elias luis ben finn luca tim julian niklas jan moritz philipp
tobias florian sebastian stefan andreas michael markus matthias martin juergen jurgen klaus wolfgang
dieter uwe hans karl heinz horst guenter gunter werner manfred helmut gerhard joachim bernd rainer
ralf sven dirk jens kai lars torsten holger carsten marco dennis
lea lena marie lina emilia clara leonie johanna katharina sabine claudia petra monika ursula
susanne birgit gabriele stefanie tanja anja heike karin renate brigitte ingrid helga elke silke
kerstin martina jana melanie franziska greta
jean pierre michel andre philippe alain jacques bernard rene claude nicolas francois laurent stephane
sebastien olivier julien antoine maxime hugo theo enzo mathis clement romain guillaume mathieu yves
gerard marcel henri
jeanne francoise monique nathalie isabelle sylvie martine valerie sandrine celine aurelie camille
manon ines jade louise lola juliette margaux elodie amandine helene anne dominique veronique chantal
colette
antonio jose manuel francisco juan javier jesus carlos miguel alejandro rafael pedro pablo angel
sergio fernando jorge alberto alvaro diego adrian raul enrique ramon vicente andres joaquin santiago
mateo
carmen isabel dolores pilar rosa francisca antonia mercedes lucia cristina marta elena paula raquel
beatriz rocio silvia nuria monica alba irene valeria daniela
giuseppe giovanni mario luigi francesco angelo vincenzo pietro salvatore carlo franco domenico bruno
paolo michele giorgio aldo luciano stefano alessandro matteo lorenzo leonardo riccardo gabriele
davide simone federico fabio massimo roberto
giulia chiara francesca martina alessia valentina elisa federica giorgia aurora ginevra beatrice
giovanna carla paola grazia
johannes cornelis pieter hendrik willem gerrit jacobus adrianus daan sem levi bram thijs ruben stijn
niels sander bas jeroen maarten wouter koen
cornelia wilhelmina tess zoe sanne lotte fleur anouk iris femke eva marieke
piotr krzysztof andrzej tomasz pawel michal marcin stanislaw jakub marek lukasz grzegorz mateusz
wojciech mariusz dariusz zbigniew jerzy maciej kamil szymon antoni filip
katarzyna malgorzata agnieszka ewa krystyna elzbieta zofia joanna aleksandra magdalena natalia
zuzanna dorota beata iwona
joao goncalo rodrigo afonso duarte tiago rui
joana mariana leonor matilde catarina rita carolina fernanda
mehmet mustafa ahmet ali huseyin hasan ibrahim murat emre yusuf fatma ayse emine hatice zeynep elif
mohamed mohammed muhammad ahmed omar youssef karim fatima aisha leila yasmin
wei fang xiuying xiaoming jing lei jun yan hui ying hua ping tao chao xin hong min qiang jie
`)

var surnames = wordSet(`
smith johnson williams jones miller davis wilson anderson taylor moore jackson thompson harris clark
lewis robinson walker hall allen wright hill adams baker nelson carter mitchell roberts turner
phillips campbell parker evans edwards collins stewart morris murphy rogers morgan cooper peterson
bailey reed howard ward richardson watson bennett hughes sanders myers ross foster jenkins perry
powell sullivan coleman butler henderson barnes fisher patel khan davies
mueller muller schmidt schneider fischer weber meyer wagner becker schulz hoffmann schaefer schafer
koch bauer richter klein wolf schroeder schroder neumann schwarz zimmermann braun krueger kruger
hofmann hartmann lange schmitt schmitz krause meier lehmann schmid schulze maier koehler kohler
herrmann koenig konig mayer huber kaiser fuchs peters scholz moeller moller weiss jung hahn
schubert vogel friedrich keller guenther gunther berger winkler roth beck lorenz baumann franke
albrecht schuster ludwig boehm bohm kraus schumacher kraemer kramer vogt jaeger jager sommer seidel
heinrich brandt haas schreiber graf schulte dietrich ziegler kuhn kuehn pohl busch bergmann voigt
arnold wolff pfeiffer
bernard petit durand dubois moreau laurent lefebvre leroy roux bertrand morel fournier girard
bonnet dupont lambert fontaine rousseau mercier guerin boyer garnier chevalier legrand gauthier
perrin robin clement morin roussel masson marchand duval dumont lemaire dufour meunier brun
blanchard giraud joly riviere brunet gaillard barbier arnaud roche renard leroux colin vidal caron
picard fabre aubert lemoine renaud dumas lacroix bourgeois benoit leclerc rolland leclercq lecomte
dupuy guillot hubert carpentier dupuis moulin deschamps huet vasseur boucher fleury royer jacquet
poirier aubry guyot charpentier menard maillard
garcia rodriguez gonzalez fernandez lopez martinez sanchez perez gomez jimenez ruiz hernandez diaz
moreno munoz alvarez romero alonso gutierrez navarro torres dominguez vazquez ramos ramirez serrano
molina morales suarez ortega delgado castro ortiz rubio marin sanz nunez iglesias medina garrido
cortes castillo lozano guerrero prieto mendez calvo gallego marquez herrera pena flores cabrera
vega fuentes carrasco caballero reyes nieto aguilar pascual santana herrero montero hidalgo gimenez
ibanez ferrer duran benitez vargas arias carmona crespo pastor soto saez velasco moya soler parra
esteban gallardo rojas
rossi russo ferrari esposito bianchi romano colombo ricci marino greco gallo conti costa giordano
mancini rizzo lombardi moretti barbieri fontana santoro mariani rinaldi caruso ferrara galli
martini leone longo gentile martinelli vitale lombardo coppola marchetti parisi ferraro ferri
fabbri marini grasso valentini messina gatti pellegrini palumbo sanna farina rizzi monti cattaneo
morelli amato silvestri mazza testa grassi pellegrino carbone giuliani benedetti barone rossetti
caputo montanari palmieri bernardi martino ferretti bellini basile donati piras vitali battaglia
sartori costantini milani pagano ruggiero sorrentino orlando damico negri
jong jansen vries berg dijk bakker janssen visser smit meijer boer mulder groot bos vos hendriks
leeuwen dekker brouwer dijkstra smits graaf linden haan vermeulen heuvel veen broek bruijn heijden
schouten willems vliet hoekstra maas verhoeven koster prins huisman peeters kuipers
nowak kowalski kowalska wisniewski wisniewska wojcik kowalczyk kaminski kaminska lewandowski
lewandowska zielinski zielinska szymanski szymanska wozniak dabrowski dabrowska kozlowski
kozlowska jankowski jankowska mazur wojciechowski kwiatkowski kwiatkowska krawczyk kaczmarek
piotrowski piotrowska grabowski grabowska zajac pawlowski pawlowska michalski michalska krol
wieczorek jablonski wrobel nowakowski majewski olszewski stepien malinowski jaworski adamczyk
dudek nowicki pawlak gorski witkowski walczak sikora baran rutkowski michalak szewczyk ostrowski
tomaszewski pietrzak zalewski wroblewski
silva santos ferreira pereira oliveira rodrigues martins sousa fernandes goncalves gomes lopes
marques alves almeida ribeiro pinto carvalho teixeira moreira correia mendes nunes soares vieira
monteiro cardoso rocha neves coelho cunha pires reis simoes antunes matos fonseca machado araujo
barbosa tavares lourenco figueiredo azevedo freitas
yilmaz kaya demir sahin celik yildiz yildirim ozturk aydin ozdemir arslan dogan kilic aslan cetin
koc kurt ozkan simsek
wang zhang liu chen yang huang zhao zhou sun zhu guo gao luo zheng liang xie song tang han feng
deng cao peng zeng xiao tian dong yuan pan jiang cai ye cheng su lu ding ren shen yao cui zhong tan
fan jin shi liao jia xia fu bai zou meng xiong qin qiu
`)

// hanSurnames are the most frequent Chinese family names; a name of two to four Han
// characters that starts with one of them is a name.
const hanSurnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"

func isHanSurname(r rune) bool { return strings.ContainsRune(hanSurnames, r) }
