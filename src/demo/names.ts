// Name pools for synthetic identities. Combinations are random, so no generated person is a
// real one; pools reflect the names common in each region, including the many families of
// foreign origin who live in Belgium. Origin only drives names, nationality and birthplace:
// nothing in the case texts depends on it.
import type { Weighted } from './random.ts';
import type { Region } from './types.ts';

export interface NameGroup {
  readonly family: readonly string[];
  readonly male: readonly string[];
  readonly female: readonly string[];
  /** Given names more usual for people born from 1980 on; `male`/`female` otherwise. */
  readonly maleYoung?: readonly string[];
  readonly femaleYoung?: readonly string[];
  readonly nationalities: Weighted<string>;
  /** Birthplaces abroad, used for foreign nationals and for some Belgians born abroad. */
  readonly birthCities: readonly string[];
  readonly bornAbroadIfBelgian: number;
  /** At a bilingual Brussels CPAS, the share of files kept in Dutch. */
  readonly dutchInBrussels: number;
  /** Earliest plausible arrival in Belgium for foreign nationals of recent migrations. */
  readonly arrivedFrom?: string;
}

const frenchBelgian: NameGroup = {
  family: [
    'Dubois', 'Lambert', 'Martin', 'Dupont', 'Simon', 'Laurent', 'Leclercq', 'Lejeune', 'Renard', 'Collard',
    'Henrard', 'Gilson', 'Mathieu', 'Thiry', 'Pirotte', 'Lecomte', 'Gérard', 'Delvaux', 'Jacquet', 'Hubert',
    'Maréchal', 'François', 'Colin', 'Noël', 'Denis', 'Lemaire', 'Piron', 'Bodart', 'Dethier', 'Massart',
    'Fontaine', 'Goffin', 'Marchal', 'Remacle', 'Rasquin', 'Herman', 'Dumont', 'Lefèvre', 'Gillet', 'Nicolas',
    'Charlier', 'Lambotte', 'Rousseaux', 'Jadot', 'Mahieu', 'Léonard', 'Detry', 'Bertrand',
  ],
  male: [
    'Jean', 'Pierre', 'Michel', 'Philippe', 'Luc', 'André', 'Marc', 'Christian', 'Alain', 'Daniel', 'Éric',
    'Patrick', 'Thierry', 'Jacques', 'Guy', 'Claude', 'Serge', 'Didier', 'Francis', 'Joseph', 'Marcel', 'Roger',
    'Georges', 'Paul',
  ],
  female: [
    'Marie', 'Anne', 'Françoise', 'Monique', 'Nathalie', 'Isabelle', 'Catherine', 'Christine', 'Martine',
    'Jacqueline', 'Nicole', 'Sylvie', 'Véronique', 'Chantal', 'Brigitte', 'Josiane', 'Danielle', 'Micheline',
    'Annie', 'Colette', 'Béatrice', 'Dominique', 'Cécile',
  ],
  maleYoung: [
    'Nicolas', 'Julien', 'Maxime', 'Thomas', 'Antoine', 'Kevin', 'Hugo', 'Louis', 'Nathan', 'Arthur', 'Florian',
    'Sébastien', 'Benoît', 'Vincent', 'Jonathan', 'Quentin', 'Romain', 'Dylan', 'Loïc', 'Simon', 'Cédric',
    'Jérémy', 'Mathieu', 'Gauthier',
  ],
  femaleYoung: [
    'Sophie', 'Julie', 'Laura', 'Sarah', 'Camille', 'Manon', 'Emma', 'Léa', 'Chloé', 'Pauline', 'Céline',
    'Aurélie', 'Mélanie', 'Caroline', 'Justine', 'Amandine', 'Marine', 'Élodie', 'Charlotte', 'Océane', 'Audrey',
    'Stéphanie', 'Jessica', 'Morgane',
  ],
  nationalities: [['BE', 0.97], ['FR', 0.03]],
  birthCities: ['Lille', 'Maubeuge', 'Paris', 'Charleville-Mézières', 'Valenciennes'],
  bornAbroadIfBelgian: 0.02,
  dutchInBrussels: 0.03,
};

const dutchBelgian: NameGroup = {
  family: [
    'Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet',
    'Vermeulen', 'Van den Bossche', 'De Clercq', 'Claeys', 'Verhaeghe', 'De Vos', 'Martens', 'Hermans',
    'Van Damme', 'De Backer', 'Pauwels', 'Vandenberghe', 'Michiels', 'Dhondt', 'De Wilde', 'Verbeke', 'Baert',
    'Coppens', 'Lambrecht', 'Van de Velde', 'Vermeersch', 'De Cock', 'Stevens', 'Segers', 'Maenhout',
    'Van Acker', 'De Meyer', 'Taelman', 'Van Hecke', 'Verstraete', 'De Paepe', 'Cools', 'De Bruyne',
    'Van Laere', 'Matthijs', 'Van Hoecke', 'Bauwens', 'Schepens',
  ],
  male: [
    'Jan', 'Luc', 'Marc', 'Dirk', 'Patrick', 'Geert', 'Peter', 'Johan', 'Jozef', 'Willy', 'Eddy', 'Frans',
    'Roger', 'Marcel', 'Etienne', 'Guido', 'Rudy', 'Freddy', 'Erik', 'Paul', 'Danny', 'Hugo', 'Walter', 'Herman',
  ],
  female: [
    'Maria', 'Annie', 'Rita', 'Linda', 'Christiane', 'Hilde', 'Martine', 'Monique', 'Godelieve', 'Lutgarde',
    'Jeannine', 'Paula', 'Mariette', 'Nicole', 'Greta', 'Ingrid', 'Carine', 'Veronique', 'Ann', 'Els',
    'Marleen', 'Agnes', 'Rosa',
  ],
  maleYoung: [
    'Bart', 'Koen', 'Wim', 'Tom', 'Jeroen', 'Kevin', 'Stijn', 'Pieter', 'Lars', 'Wout', 'Arne', 'Robbe',
    'Seppe', 'Jens', 'Senne', 'Ruben', 'Brecht', 'Lucas', 'Noah', 'Thomas', 'Maarten', 'Jonas', 'Dries', 'Sander',
  ],
  femaleYoung: [
    'Veerle', 'An', 'Katrien', 'Sofie', 'Leen', 'Inge', 'Griet', 'Nathalie', 'Lies', 'Evelien', 'Elke',
    'Charlotte', 'Laura', 'Lotte', 'Hanne', 'Marie', 'Emma', 'Julie', 'Lien', 'Femke', 'Fien', 'Margot',
    'Nele', 'Eline',
  ],
  nationalities: [['BE', 0.98], ['NL', 0.02]],
  birthCities: ['Terneuzen', 'Breda', 'Rotterdam', 'Middelburg', 'Eindhoven'],
  bornAbroadIfBelgian: 0.02,
  dutchInBrussels: 0.85,
};

const maghreb: NameGroup = {
  family: [
    'El Amrani', 'Benali', 'El Idrissi', 'Bouzid', 'Ait Ouali', 'Chaoui', 'El Khattabi', 'Boukhari', 'Azzouzi',
    'Haddouch', 'El Ouardi', 'Bennani', 'Tahiri', 'Ziani', 'Lahlou', 'Amrani', 'Belhadj', 'El Yousfi',
    'Mansouri', 'Ouali', 'Rachidi', 'Saidi', 'Tazi',
  ],
  male: [
    'Mohamed', 'Ahmed', 'Youssef', 'Hamza', 'Karim', 'Rachid', 'Mustapha', 'Khalid', 'Said', 'Abdelkader',
    'Nordin', 'Bilal', 'Ayoub', 'Ilyas', 'Adam', 'Anas', 'Mehdi', 'Soufiane', 'Zakaria', 'Driss',
  ],
  female: [
    'Fatima', 'Khadija', 'Nadia', 'Samira', 'Malika', 'Amina', 'Hanane', 'Naima', 'Loubna', 'Yasmina', 'Salma',
    'Imane', 'Sara', 'Meryem', 'Houda', 'Soukaina', 'Latifa', 'Zineb', 'Nora', 'Rania',
  ],
  nationalities: [['BE', 0.68], ['MA', 0.32]],
  birthCities: ['Casablanca', 'Tanger', 'Tétouan', 'Nador', 'Al Hoceïma', 'Oujda', 'Rabat', 'Fès', 'Berkane', 'Meknès'],
  bornAbroadIfBelgian: 0.3,
  dutchInBrussels: 0.1,
};

const turkish: NameGroup = {
  family: [
    'Yilmaz', 'Demir', 'Kaya', 'Çelik', 'Sahin', 'Öztürk', 'Aydin', 'Arslan', 'Dogan', 'Kilic', 'Aslan',
    'Çetin', 'Koç', 'Kurt', 'Özdemir', 'Erdem', 'Polat', 'Güler', 'Tekin', 'Yildiz', 'Acar', 'Karaca', 'Bulut',
  ],
  male: [
    'Mehmet', 'Mustafa', 'Ahmet', 'Ali', 'Hüseyin', 'Hasan', 'Ibrahim', 'Murat', 'Emre', 'Burak', 'Yusuf',
    'Ömer', 'Kerem', 'Serkan', 'Volkan', 'Mert', 'Emir', 'Eren', 'Furkan', 'Osman',
  ],
  female: [
    'Ayşe', 'Fatma', 'Emine', 'Hatice', 'Zeynep', 'Elif', 'Merve', 'Büşra', 'Esra', 'Derya', 'Selin', 'Gül',
    'Sevgi', 'Hülya', 'Özlem', 'Tuba', 'Melek', 'Yasemin', 'Dilek', 'Sibel',
  ],
  nationalities: [['BE', 0.7], ['TR', 0.3]],
  birthCities: ['Emirdağ', 'Afyonkarahisar', 'Kayseri', 'Ankara', 'Istanbul', 'Konya', 'Yozgat', 'Eskişehir'],
  bornAbroadIfBelgian: 0.25,
  dutchInBrussels: 0.15,
};

const congolese: NameGroup = {
  family: [
    'Mukendi', 'Kabongo', 'Tshibangu', 'Ilunga', 'Mbuyi', 'Kalonji', 'Lukusa', 'Ngoy', 'Kasongo', 'Mutombo',
    'Kabeya', 'Tshimanga', 'Mulumba', 'Kanku', 'Nzuzi', 'Makiese', 'Lumbala', 'Mpiana', 'Kapinga', 'Mbala', 'Nsimba',
  ],
  male: [
    'Jean-Pierre', 'Patrick', 'Christian', 'Emmanuel', 'Joseph', 'Héritier', 'Glody', 'Jonathan', 'Fiston',
    'Junior', 'Samuel', 'David', 'Trésor', 'Blaise', 'Gloire', 'Daniel', 'Serge', 'Dieudonné', 'Olivier', 'Eric',
  ],
  female: [
    'Marie', 'Grâce', 'Esther', 'Nathalie', 'Ruth', 'Sarah', 'Merveille', 'Divine', 'Chantal', 'Béatrice',
    'Rachel', 'Déborah', 'Mireille', 'Jeanne', 'Christelle', 'Bénédicte', 'Gisèle', 'Naomi', 'Falonne', 'Prisca',
  ],
  nationalities: [['BE', 0.6], ['CD', 0.4]],
  birthCities: ['Kinshasa', 'Lubumbashi', 'Kisangani', 'Bukavu', 'Mbuji-Mayi', 'Matadi', 'Kananga', 'Goma'],
  bornAbroadIfBelgian: 0.4,
  dutchInBrussels: 0.05,
};

const westAfrican: NameGroup = {
  family: [
    'Diallo', 'Bah', 'Barry', 'Camara', 'Sow', 'Baldé', 'Sylla', 'Touré', 'Keïta', 'Condé', 'Cissé', 'Konaté',
    'Traoré', 'Kouyaté', 'Soumah', 'Bangoura', 'Diaby', 'Fofana', 'Sangaré', 'Kaba',
  ],
  male: [
    'Mamadou', 'Alpha', 'Ibrahima', 'Ousmane', 'Abdoulaye', 'Amadou', 'Thierno', 'Boubacar', 'Mohamed', 'Sékou',
    'Lansana', 'Moussa', 'Souleymane', 'Alhassane', 'Oumar', 'Aboubacar', 'Saliou', 'Issa', 'Idrissa', 'Karamba',
  ],
  female: [
    'Mariama', 'Aïssatou', 'Fatoumata', 'Kadiatou', 'Hawa', 'Aminata', 'Binta', 'Fanta', 'Oumou', 'Djénabou',
    'Mariam', 'Ramatoulaye', 'Hadja', 'Salimatou', 'Adama', 'Aissata', 'Assiatou', 'Dalanda', 'Nènè', 'Kadija',
  ],
  nationalities: [['GN', 0.5], ['BE', 0.35], ['SN', 0.15]],
  birthCities: ['Conakry', 'Labé', 'Kankan', 'Kindia', 'Mamou', 'Dakar', 'Nzérékoré', 'Pita'],
  bornAbroadIfBelgian: 0.8,
  dutchInBrussels: 0.08,
};

const italian: NameGroup = {
  family: [
    'Rossi', 'Russo', 'Esposito', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti',
    'De Luca', 'Costa', 'Giordano', 'Mancini', 'Lombardi', 'Moretti', 'Barbieri', 'Fontana', 'Santoro',
    'Di Stefano', 'Caruso', 'Ferrara', 'Rizzo',
  ],
  male: ['Giuseppe', 'Salvatore', 'Antonio', 'Franco', 'Mario', 'Luigi', 'Giovanni', 'Vincenzo', 'Angelo', 'Domenico', 'Carmelo', 'Calogero'],
  female: ['Maria', 'Giuseppina', 'Anna', 'Rosa', 'Carmela', 'Concetta', 'Rosaria', 'Antonietta', 'Lucia', 'Angela', 'Francesca', 'Graziella'],
  maleYoung: ['Luca', 'Marco', 'Lorenzo', 'Enzo', 'Matteo', 'Fabio', 'Alessandro', 'Nicola', 'Giulio', 'Thomas', 'Dario', 'Stefano'],
  femaleYoung: ['Giulia', 'Laura', 'Sara', 'Valentina', 'Chiara', 'Martina', 'Elena', 'Alessia', 'Sofia', 'Lisa', 'Silvia', 'Serena'],
  nationalities: [['BE', 0.78], ['IT', 0.22]],
  birthCities: ['Agrigento', 'Caltanissetta', 'Palermo', 'Bari', 'Avellino', 'Enna', 'Catania', 'Campobasso'],
  bornAbroadIfBelgian: 0.2,
  dutchInBrussels: 0.1,
};

const iberian: NameGroup = {
  family: [
    'Garcia', 'Fernandez', 'Rodriguez', 'Lopez', 'Martinez', 'Sanchez', 'Gomez', 'Perez', 'Da Silva', 'Pereira',
    'Santos', 'Ferreira', 'Oliveira', 'Rodrigues', 'Alves', 'Sousa', 'Gonçalves', 'Moreno', 'Navarro', 'Carvalho',
  ],
  male: [
    'José', 'Manuel', 'Carlos', 'Miguel', 'João', 'Antonio', 'Francisco', 'Pedro', 'Luis', 'Rui', 'Paulo',
    'Javier', 'Diego', 'Tiago', 'Rafael', 'Sergio', 'Pablo', 'Jorge', 'Nuno', 'David',
  ],
  female: [
    'Ana', 'Maria', 'Carmen', 'Sofia', 'Inês', 'Isabel', 'Lucia', 'Marta', 'Teresa', 'Cristina', 'Patricia',
    'Sandra', 'Raquel', 'Beatriz', 'Catarina', 'Rosa', 'Elena', 'Paula', 'Joana', 'Laura',
  ],
  nationalities: [['BE', 0.45], ['PT', 0.3], ['ES', 0.25]],
  birthCities: ['Madrid', 'Málaga', 'Sevilla', 'Porto', 'Lisboa', 'Braga', 'Valencia', 'Coimbra'],
  bornAbroadIfBelgian: 0.25,
  dutchInBrussels: 0.1,
};

// Surnames that do not change with sex, so one family name fits every member of a household.
const polish: NameGroup = {
  family: [
    'Nowak', 'Kowalczyk', 'Wójcik', 'Woźniak', 'Mazur', 'Krawczyk', 'Kaczmarek', 'Zając', 'Król', 'Wieczorek',
    'Wróbel', 'Dudek', 'Pawlak', 'Michalak', 'Sikora', 'Walczak', 'Baran', 'Szewczyk', 'Kubiak', 'Wilk',
  ],
  male: [
    'Piotr', 'Krzysztof', 'Tomasz', 'Paweł', 'Marcin', 'Michał', 'Andrzej', 'Jan', 'Marek', 'Łukasz', 'Adam',
    'Grzegorz', 'Jakub', 'Kamil', 'Mateusz', 'Rafał', 'Dawid', 'Sebastian', 'Wojciech', 'Bartosz',
  ],
  female: [
    'Anna', 'Katarzyna', 'Magdalena', 'Agnieszka', 'Joanna', 'Małgorzata', 'Monika', 'Ewa', 'Barbara',
    'Aleksandra', 'Natalia', 'Karolina', 'Justyna', 'Marta', 'Paulina', 'Dorota', 'Beata', 'Iwona', 'Julia', 'Zuzanna',
  ],
  nationalities: [['PL', 0.75], ['BE', 0.25]],
  birthCities: ['Kraków', 'Warszawa', 'Białystok', 'Lublin', 'Rzeszów', 'Poznań', 'Łódź', 'Katowice'],
  bornAbroadIfBelgian: 0.5,
  dutchInBrussels: 0.15,
};

const romanian: NameGroup = {
  family: [
    'Popescu', 'Ionescu', 'Popa', 'Dumitru', 'Stan', 'Stoica', 'Gheorghe', 'Rusu', 'Munteanu', 'Matei',
    'Constantin', 'Marin', 'Tudor', 'Dinu', 'Ciobanu', 'Lungu', 'Moldovan', 'Neagu', 'Florea', 'Mihai',
  ],
  male: [
    'Andrei', 'Ion', 'Mihai', 'Alexandru', 'Gheorghe', 'Florin', 'Ionuț', 'Adrian', 'Cristian', 'Vasile',
    'Marius', 'Daniel', 'Gabriel', 'Bogdan', 'Constantin', 'Nicolae', 'Ștefan', 'Lucian', 'Răzvan', 'Sorin',
  ],
  female: [
    'Elena', 'Maria', 'Ioana', 'Andreea', 'Mihaela', 'Ana', 'Gabriela', 'Cristina', 'Alina', 'Daniela',
    'Florentina', 'Roxana', 'Simona', 'Larisa', 'Bianca', 'Georgiana', 'Nicoleta', 'Raluca', 'Irina', 'Loredana',
  ],
  nationalities: [['RO', 0.8], ['BE', 0.2]],
  birthCities: ['București', 'Iași', 'Bacău', 'Suceava', 'Constanța', 'Craiova', 'Cluj-Napoca', 'Brașov'],
  bornAbroadIfBelgian: 0.6,
  dutchInBrussels: 0.2,
  arrivedFrom: '2007-01-01',
};

const syrian: NameGroup = {
  family: [
    'Al-Ahmad', 'Al-Hussein', 'Haddad', 'Khalil', 'Hamdan', 'Darwish', 'Mansour', 'Nasser', 'Al-Khatib',
    'Hassan', 'Ibrahim', 'Al-Ali', 'Khoury', 'Saleh', 'Yousef', 'Othman', 'Al-Masri', 'Kassem', 'Barakat', 'Issa',
  ],
  male: [
    'Mohammad', 'Ahmad', 'Omar', 'Khaled', 'Hassan', 'Ali', 'Mahmoud', 'Yaman', 'Tarek', 'Rami', 'Samer',
    'Fadi', 'Majd', 'Amir', 'Hussam', 'Wael', 'Ziad', 'Karim', 'Nabil', 'Jad',
  ],
  female: [
    'Fatima', 'Rania', 'Hiba', 'Lina', 'Nour', 'Amal', 'Rasha', 'Dima', 'Reem', 'Layla', 'Yara', 'Hala',
    'Maya', 'Sana', 'Ghada', 'Marwa', 'Aya', 'Rim', 'Joud', 'Salam',
  ],
  nationalities: [['SY', 0.7], ['BE', 0.3]],
  birthCities: ['Homs', 'Hama', 'Idlib', 'Daraa', 'Raqqa', 'Deir ez-Zor'],
  bornAbroadIfBelgian: 0.9,
  dutchInBrussels: 0.15,
  arrivedFrom: '2013-01-01',
};

const afghan: NameGroup = {
  family: [
    'Ahmadi', 'Rahimi', 'Hashimi', 'Karimi', 'Sultani', 'Noori', 'Hakimi', 'Azizi', 'Popal', 'Safi', 'Wardak',
    'Haidari', 'Sadat', 'Mohammadi', 'Amiri', 'Rahmani', 'Jalali', 'Nazari', 'Samadi', 'Stanikzai',
  ],
  male: [
    'Ahmad', 'Mohammad', 'Ali', 'Hamid', 'Farid', 'Jawad', 'Mustafa', 'Naveed', 'Omid', 'Rahim', 'Sayed',
    'Wahid', 'Zaki', 'Bilal', 'Hamza', 'Idris', 'Karim', 'Masoud', 'Nasir', 'Rashid',
  ],
  female: [
    'Zahra', 'Maryam', 'Fatima', 'Parwana', 'Shabnam', 'Soraya', 'Farzana', 'Nilofar', 'Mahnaz', 'Fereshta',
    'Laila', 'Hosai', 'Marzia', 'Roya', 'Sahar', 'Sima', 'Tahmina', 'Zainab', 'Nargis', 'Mursal',
  ],
  nationalities: [['AF', 0.85], ['BE', 0.15]],
  birthCities: ['Kabul', 'Herat', 'Mazar-e Sharif', 'Kandahar', 'Jalalabad', 'Kunduz', 'Ghazni'],
  bornAbroadIfBelgian: 0.9,
  dutchInBrussels: 0.2,
  arrivedFrom: '2015-01-01',
};

const ukrainian: NameGroup = {
  family: [
    'Shevchenko', 'Kovalenko', 'Bondarenko', 'Tkachenko', 'Kravchenko', 'Boyko', 'Melnyk', 'Oliinyk',
    'Kovalchuk', 'Savchenko', 'Rudenko', 'Marchenko', 'Lysenko', 'Petrenko', 'Moroz', 'Tkachuk', 'Polishchuk',
    'Kravchuk', 'Pavlenko', 'Levchenko',
  ],
  male: [
    'Oleksandr', 'Andriy', 'Dmytro', 'Serhiy', 'Volodymyr', 'Mykola', 'Ivan', 'Yuriy', 'Vasyl', 'Oleh', 'Taras',
    'Maksym', 'Bohdan', 'Artem', 'Denys', 'Viktor', 'Roman', 'Ihor', 'Pavlo', 'Yaroslav',
  ],
  female: [
    'Olena', 'Iryna', 'Nataliia', 'Oksana', 'Yuliia', 'Tetiana', 'Svitlana', 'Halyna', 'Kateryna', 'Mariia',
    'Anastasiia', 'Viktoriia', 'Liudmyla', 'Nadiia', 'Olha', 'Sofiia', 'Daryna', 'Alina', 'Khrystyna', 'Valentyna',
  ],
  nationalities: [['UA', 0.97], ['BE', 0.03]],
  birthCities: ['Kyiv', 'Kharkiv', 'Odesa', 'Dnipro', 'Zaporizhzhia', 'Lviv', 'Mykolaiv', 'Chernihiv'],
  bornAbroadIfBelgian: 0.9,
  dutchInBrussels: 0.2,
  arrivedFrom: '2022-03-15',
};

/** How the population of each demo CPAS is mixed (rough orders of magnitude, not statistics). */
export const NAME_MIX: Record<Region, Weighted<NameGroup>> = {
  wallonie: [
    [frenchBelgian, 0.78], [italian, 0.05], [maghreb, 0.05], [congolese, 0.04], [syrian, 0.02],
    [ukrainian, 0.02], [iberian, 0.01], [polish, 0.01], [romanian, 0.01], [afghan, 0.01],
  ],
  bruxelles: [
    [frenchBelgian, 0.25], [dutchBelgian, 0.07], [maghreb, 0.2], [turkish, 0.12], [congolese, 0.08],
    [westAfrican, 0.06], [italian, 0.03], [iberian, 0.04], [polish, 0.03], [romanian, 0.05], [syrian, 0.03],
    [afghan, 0.02], [ukrainian, 0.02],
  ],
  vlaanderen: [
    [dutchBelgian, 0.72], [turkish, 0.08], [maghreb, 0.05], [romanian, 0.02], [polish, 0.02], [syrian, 0.03],
    [afghan, 0.03], [ukrainian, 0.02], [westAfrican, 0.01], [congolese, 0.01], [frenchBelgian, 0.01],
  ],
};

/** Staff names: the majority pool of the region (Brussels staff drawn from both communities). */
export const STAFF_MIX: Record<Region, Weighted<NameGroup>> = {
  wallonie: [[frenchBelgian, 0.9], [italian, 0.1]],
  bruxelles: [[frenchBelgian, 0.5], [dutchBelgian, 0.2], [maghreb, 0.15], [congolese, 0.1], [turkish, 0.05]],
  vlaanderen: [[dutchBelgian, 0.9], [turkish, 0.05], [maghreb, 0.05]],
};
