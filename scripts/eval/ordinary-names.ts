/**
 * Common given and family names of many origins, written down for the screening evaluation
 * (scripts/eval-screening.ts): combined at random with a fixed seed, they make "ordinary people"
 * who should not be flagged. Each origin lists names that are frequent in its country (national
 * statistics offices' top-name lists, as commonly reproduced); nobody in particular is meant.
 * `scripts` origins are written in their own script, to measure transliteration false positives.
 */

export interface NameOrigin {
  origin: string;
  given: string[];
  family: string[];
  /** How a full name is built from the lists (see eval-screening.ts `ordinaryName`). */
  shape: 'given-family' | 'family-given' | 'arabic' | 'russian' | 'spanish';
  /** Patronymics (Russian), male and female forms in pairs. */
  patronymics?: string[];
}

function words(text: string): string[] {
  return text.trim().split(/\s+/);
}

export const LATIN_ORIGINS: NameOrigin[] = [
  {
    origin: 'German',
    shape: 'given-family',
    given:
      words(`Thomas Michael Andreas Stefan Christian Markus Frank Jürgen Klaus Wolfgang Uwe Sebastian Lukas
      Jonas Felix Maximilian Sabine Andrea Petra Claudia Susanne Monika Birgit Katharina Julia Anna Lena Laura Ursula Heike`),
    family:
      words(`Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer
      Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner
      Schmitz Krause Meier Lehmann Schmid Schulze Maier Köhler Herrmann König Walter Mayer Huber`),
  },
  {
    origin: 'French',
    shape: 'given-family',
    given: words(`Jean Pierre Michel Philippe Alain Nicolas Christophe Laurent Julien Thomas Antoine Mathieu
      Sébastien François Marie Nathalie Isabelle Sylvie Catherine Françoise Sophie Camille Léa Manon Chloé Élodie
      Aurélie Céline Hélène Valérie`),
    family:
      words(`Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre
      Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Lefèvre Mercier Dupont Lambert Bonnet
      François Martinez Legrand Garnier Faure Rousseau Blanc Guérin Muller Henry Roussel Nicolas`),
  },
  {
    origin: 'Dutch',
    shape: 'given-family',
    given:
      words(`Jan Johannes Pieter Cornelis Hendrik Willem Gerrit Dirk Sander Bram Daan Sem Thijs Ruben Joost
      Maarten Anna Maria Johanna Sanne Femke Lotte Anouk Eva Fleur Iris Marieke Ingrid Wilhelmina Els`),
    family: [
      'de Jong',
      'Jansen',
      'de Vries',
      'van den Berg',
      'van Dijk',
      'Bakker',
      'Janssen',
      'Visser',
      'Smit',
      'Meijer',
      'de Boer',
      'Mulder',
      'de Groot',
      'Bos',
      'Vos',
      'Peters',
      'Hendriks',
      'van Leeuwen',
      'Dekker',
      'Brouwer',
      'de Wit',
      'Dijkstra',
      'Smits',
      'de Graaf',
      'van der Meer',
      'van der Linden',
      'Kok',
      'Jacobs',
      'de Haan',
      'Vermeulen',
      'van den Heuvel',
      'van der Veen',
      'van den Broek',
      'de Bruijn',
      'van der Heijden',
      'Schouten',
      'van Beek',
      'Willems',
      'van Vliet',
      'Prins',
    ],
  },
  {
    origin: 'Italian',
    shape: 'given-family',
    given:
      words(`Giuseppe Giovanni Antonio Mario Luigi Francesco Angelo Vincenzo Pietro Salvatore Carlo Franco
      Domenico Bruno Paolo Marco Alessandro Lorenzo Matteo Andrea Maria Anna Giuseppina Rosa Angela Giovanna Teresa
      Lucia Carmela Francesca Chiara Giulia Sofia Martina`),
    family: words(`Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti
      De-Luca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi Caruso Ferrara
      Galli Martini Leone Longo Gentile Martinelli Vitale Lombardo Serra Coppola De-Santis D'Angelo Marchetti`),
  },
  {
    origin: 'Swiss',
    shape: 'given-family',
    given:
      words(`Daniel Peter Thomas Martin Hans Christian Marco Urs Beat Reto Lukas Simon Luca Noah Elias Maria
      Anna Ursula Ruth Elisabeth Sandra Nicole Barbara Verena Monika Esther Regula Corinne Mia Lina`),
    family:
      words(`Müller Meier Schmid Keller Weber Huber Schneider Meyer Steiner Fischer Gerber Brunner Baumann
      Frei Zimmermann Moser Widmer Wyss Graf Roth Suter Baumgartner Bachmann Studer Bucher Berger Kälin Frey Hofer
      Lüthi Tanner Rochat Favre Bonvin Rey Jaquet Bernasconi Crivelli Pfister Zürcher`),
  },
  {
    origin: 'Chinese (pinyin)',
    shape: 'family-given',
    given:
      words(`Wei Fang Na Xiuying Min Jing Li Qiang Lei Jun Yang Yong Yan Jie Tao Ming Chao Xiulan Xia Ping
      Gang Hui Hong Yu Hua Jian Xin Bo Yumei Zhiqiang Haiyan Guoqiang Xiaoming Jianhua Chunhua Lihua Jianguo Dan
      Yuying Shuang`),
    family: words(`Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng
      Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du`),
  },
  {
    origin: 'Japanese',
    shape: 'given-family',
    given:
      words(`Hiroshi Takashi Kenji Akira Yuki Satoshi Makoto Takeshi Kazuo Shota Haruto Ren Sota Yuto Daiki
      Yoko Keiko Yumiko Akiko Naoko Tomoko Sachiko Yui Aoi Hina Sakura Mio Misaki Emi Ayaka`),
    family: words(`Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada
      Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki Mori Abe Ikeda Hashimoto Yamashita Ishikawa
      Nakajima Maeda Fujita Ogawa Goto Okada Hasegawa Murakami Kondo Ishii Saito Sakamoto Endo Aoki`),
  },
  {
    origin: 'Korean',
    shape: 'family-given',
    given:
      words(`Min-jun Seo-yeon Ji-hoon Ji-woo Hyun-woo Seo-jun Do-yoon Ha-eun Ji-min Su-bin Young-ho Sung-min
      Jae-won Dong-hyun Eun-ji Hye-jin Mi-kyung Jung-hoon Sang-woo Yoon-seo Kyung-soo Min-seo Ye-jin Tae-hyun
      Jin-woo Soo-jin Hyun-jung Seung-hoon Eun-young Jae-hyun`),
    family:
      words(`Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong Jeon
      Ko Moon Yang Son Bae Baek Heo Nam Noh`),
  },
  {
    origin: 'English/Canadian',
    shape: 'given-family',
    given:
      words(`James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew
      Mark Paul Steven Andrew Kevin Brian Jason Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah
      Karen Emily Emma Olivia Chloe Madison`),
    family: words(`Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin
      Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Hill Green Adams Baker
      Campbell Tremblay Gagnon Roy Côté Bouchard Gauthier Morin Lavoie Fortin MacDonald Stewart Murray`),
  },
  {
    origin: 'Arabic',
    shape: 'arabic',
    given: words(`Mohammed Ahmed Ali Omar Youssef Ibrahim Khaled Hassan Hussein Mahmoud Mustafa Abdullah
      Abdelaziz Karim Tarek Samir Walid Nabil Rami Ziad Fatima Aisha Mariam Nour Layla Salma Huda Amira Rania Yasmin
      Hana Dina Samira Leila Zainab Nadia`),
    family: words(`Haddad Khoury Nasser Saleh Mansour Hamdan Khalil Aziz Jaber Farah Suleiman Hammoud Darwish
      Qasim Bakri Sabbagh Masri Shami Halabi Tamimi Zoubi Husseini Ayoub Barakat Khatib Najjar Hijazi Kassem Othman
      Saad Rahman Habib Fakhoury Dabbagh Awad Salem Younis Hassan Abbas Mahmoud Ibrahim`),
  },
  {
    origin: 'Russian',
    shape: 'russian',
    given:
      words(`Aleksandr Sergey Dmitry Andrey Aleksey Maksim Ivan Mikhail Nikolay Vladimir Yevgeny Pavel Artem
      Igor Oleg Roman Anna Elena Olga Tatiana Natalia Irina Svetlana Maria Yekaterina Anastasia Yulia Marina Daria
      Ksenia Viktoria`),
    family: words(`Ivanov Smirnov Kuznetsov Popov Vasilyev Petrov Sokolov Mikhailov Novikov Fedorov Morozov
      Volkov Alekseyev Lebedev Semenov Yegorov Pavlov Kozlov Stepanov Nikolayev Orlov Andreyev Makarov Nikitin
      Zakharov Zaitsev Solovyov Borisov Yakovlev Grigoryev Romanov Vorobyov Sergeyev Kuzmin Frolov`),
    patronymics:
      words(`Aleksandrovich Aleksandrovna Sergeyevich Sergeyevna Dmitriyevich Dmitriyevna Andreyevich
      Andreyevna Alekseyevich Alekseyevna Ivanovich Ivanovna Mikhailovich Mikhailovna Nikolayevich Nikolayevna
      Vladimirovich Vladimirovna Pavlovich Pavlovna Igorevich Igorevna Olegovich Olegovna`),
  },
  {
    origin: 'Spanish',
    shape: 'spanish',
    given:
      words(`José Juan Antonio Manuel Francisco Luis Carlos Javier Miguel Jesús Alejandro Pedro Rafael Daniel
      Fernando Pablo Jorge Sergio Alberto Diego María Carmen Ana Isabel Laura Cristina Marta Lucía Elena Pilar Rosa
      Teresa Paula Sara Raquel`),
    family: words(`García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz
      Hernández Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro Torres Domínguez Vázquez Ramos Gil
      Ramírez Serrano Blanco Molina Morales Suárez Ortega Delgado Castro Ortiz Rubio Marín Sanz Iglesias`),
  },
  {
    origin: 'Turkish',
    shape: 'given-family',
    given:
      words(`Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim İsmail Osman Yusuf Murat Emre Burak Fatma Ayşe
      Emine Hatice Zeynep Elif Merve Özlem`),
    family: words(`Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan
      Çetin Kara Koç Kurt Özkan Şimşek Polat Korkmaz Erdoğan Güneş Aksoy`),
  },
  {
    origin: 'Persian',
    shape: 'given-family',
    given: words(`Ali Reza Mohammad Hossein Mehdi Amir Hamid Saeed Majid Farhad Babak Dariush Kourosh Fatemeh
      Zahra Maryam Narges Leila Shirin Parisa Mina Neda Sara`),
    family:
      words(`Mohammadi Hosseini Ahmadi Rezaei Moradi Karimi Jafari Rahimi Hashemi Mousavi Ghasemi Sadeghi
      Heidari Kazemi Nazari Bagheri Abbasi Akbari Tehrani Shirazi Esfahani Rostami Ebrahimi Navabi Farahani`),
  },
  {
    origin: 'Polish',
    shape: 'given-family',
    given: words(`Piotr Krzysztof Andrzej Tomasz Paweł Jan Michał Marcin Jakub Adam Anna Maria Katarzyna
      Małgorzata Agnieszka Barbara Ewa Krystyna Magdalena Joanna`),
    family: words(`Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak
      Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Nowakowski Pawłowski`),
  },
  {
    origin: 'Portuguese',
    shape: 'given-family',
    given:
      words(`João José António Francisco Manuel Pedro Luís Paulo Carlos Rui Maria Ana Joana Mariana Beatriz
      Inês Sofia Catarina Rita Sara`),
    family:
      words(`Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Jesus Sousa Fernandes Gonçalves
      Gomes Lopes Marques Alves Almeida Ribeiro Pinto Carvalho Teixeira Moreira Correia Mendes Nunes`),
  },
  {
    origin: 'Indian',
    shape: 'given-family',
    given:
      words(`Rahul Amit Rajesh Suresh Ramesh Vijay Sanjay Anil Sunil Arjun Rohan Vikram Priya Anjali Sunita
      Pooja Neha Kavita Deepa Lakshmi Meera Divya`),
    family:
      words(`Sharma Patel Singh Kumar Gupta Reddy Iyer Nair Rao Mehta Shah Joshi Verma Agarwal Chopra Kapoor
      Malhotra Bhat Das Banerjee Mukherjee Chatterjee Pillai Menon`),
  },
  {
    origin: 'Greek',
    shape: 'given-family',
    given: words(`Georgios Dimitrios Konstantinos Ioannis Nikolaos Panagiotis Vasileios Christos Maria Eleni
      Aikaterini Vasiliki Sofia Angeliki Georgia`),
    family: words(`Papadopoulos Papadakis Georgiou Oikonomou Nikolaou Papageorgiou Vasileiou Antoniou Ioannou
      Konstantinou Dimitriou Makris Karagiannis Pappas`),
  },
];

/** Names written in their own script: what a payer's original-script name field may hold. */
export const SCRIPT_ORIGINS: NameOrigin[] = [
  {
    origin: 'Arabic script',
    shape: 'arabic',
    given: words(
      'محمد أحمد علي عمر يوسف إبراهيم خالد حسن حسين محمود مصطفى عبدالله كريم طارق سمير وليد نبيل فاطمة عائشة مريم نور ليلى سلمى هدى أميرة رانيا ياسمين',
    ),
    family: words(
      'حداد خوري ناصر صالح منصور حمدان خليل عزيز جابر فرح سليمان حمود درويش قاسم بكري صباغ مصري شامي حلبي تميمي الزعبي الحسيني أيوب بركات الخطيب النجار حجازي عثمان سعد',
    ),
  },
  {
    origin: 'Cyrillic',
    shape: 'russian',
    given: words(
      'Александр Сергей Дмитрий Андрей Алексей Максим Иван Михаил Николай Владимир Евгений Павел Артём Игорь Олег Анна Елена Ольга Татьяна Наталья Ирина Светлана Мария Екатерина Анастасия Юлия',
    ),
    family: words(
      'Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев',
    ),
    patronymics: words(
      'Александрович Александровна Сергеевич Сергеевна Иванович Ивановна Николаевич Николаевна Владимирович Владимировна',
    ),
  },
  {
    origin: 'Chinese characters',
    shape: 'family-given',
    given: words(
      '伟 芳 娜 秀英 敏 静 丽 强 磊 军 洋 勇 艳 杰 涛 明 超 秀兰 霞 平 刚 辉 红 玉兰 建华 志强 海燕 国强 晓明 春华',
    ),
    family: words('王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗'),
  },
  {
    origin: 'Japanese kana',
    shape: 'family-given',
    given: words(
      'ひろし たかし けんじ あきら ゆき さとし まこと たけし ようこ けいこ ゆみこ あきこ なおこ ともこ さくら ハルト ユイ',
    ),
    family: words(
      'さとう すずき たかはし たなか わたなべ いとう やまもと なかむら こばやし かとう よしだ やまだ ささき やまぐち まつもと',
    ),
  },
  {
    origin: 'Korean Hangul',
    shape: 'family-given',
    given: words('민준 서연 지훈 지우 현우 서준 도윤 하은 지민 수빈 영호 성민 재원 동현 은지 혜진'),
    family: words('김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권'),
  },
  {
    origin: 'Greek script',
    shape: 'given-family',
    given: words(
      'Γιώργος Δημήτρης Κωνσταντίνος Γιάννης Νίκος Παναγιώτης Βασίλης Χρήστος Μαρία Ελένη Αικατερίνη Βασιλική Σοφία Αγγελική',
    ),
    family: words(
      'Παπαδόπουλος Παπαδάκης Γεωργίου Οικονόμου Νικολάου Παπαγεωργίου Βασιλείου Αντωνίου Ιωάννου Κωνσταντίνου Δημητρίου Μακρής Καραγιάννης Παππάς',
    ),
  },
];
