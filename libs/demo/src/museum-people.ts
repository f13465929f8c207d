/**
 * The demo organisation: a small museum of about 40 people, with a director, department heads,
 * team leads, people without reports, and an HR admin. Emails are `<first>@museum.example`.
 */
export interface DemoPerson {
  key: string;
  name: string;
  title: string;
  department: string;
  manager: string | null;
  role?: 'admin';
}

export const DEMO_ORGANIZATION = { name: 'Harbour Museum', slug: 'harbour-museum' };
export const DEMO_PASSWORD = 'ripple-demo-2026';
export const DEMO_DOMAIN = 'museum.example';

export const MUSEUM_PEOPLE: DemoPerson[] = [
  { key: 'margaret', name: 'Margaret Okafor', title: 'Director', department: 'Directorate', manager: null },
  { key: 'hana', name: 'Hana Lindqvist', title: 'Head of People', department: 'People & Culture', manager: 'margaret', role: 'admin' },
  { key: 'tomas', name: 'Tomás Ibarra', title: 'People Partner', department: 'People & Culture', manager: 'hana' },
  { key: 'david', name: 'David Achterberg', title: 'Head of Collections', department: 'Collections', manager: 'margaret' },
  { key: 'priya', name: 'Priya Raman', title: 'Senior Curator, Maritime', department: 'Collections', manager: 'david' },
  { key: 'leo', name: 'Leo Marchetti', title: 'Curator, Maritime', department: 'Collections', manager: 'priya' },
  { key: 'amara', name: 'Amara Nwosu', title: 'Assistant Curator', department: 'Collections', manager: 'priya' },
  { key: 'jonas', name: 'Jonas Weber', title: 'Senior Curator, Fine Art', department: 'Collections', manager: 'david' },
  { key: 'sofia', name: 'Sofia Haddad', title: 'Curator, Prints', department: 'Collections', manager: 'jonas' },
  { key: 'ewan', name: 'Ewan MacLeod', title: 'Registrar', department: 'Collections', manager: 'david' },
  { key: 'mei', name: 'Mei Tanaka', title: 'Collections Assistant', department: 'Collections', manager: 'ewan' },
  { key: 'ruth', name: 'Ruth Abebe', title: 'Head of Conservation', department: 'Conservation', manager: 'margaret' },
  { key: 'oskar', name: 'Oskar Nilsson', title: 'Paper Conservator', department: 'Conservation', manager: 'ruth' },
  { key: 'ines', name: 'Inès Moreau', title: 'Objects Conservator', department: 'Conservation', manager: 'ruth' },
  { key: 'kwame', name: 'Kwame Mensah', title: 'Conservation Technician', department: 'Conservation', manager: 'ruth' },
  { key: 'clara', name: 'Clara Jensen', title: 'Head of Learning', department: 'Learning', manager: 'margaret' },
  { key: 'samir', name: 'Samir Qureshi', title: 'Schools Programme Lead', department: 'Learning', manager: 'clara' },
  { key: 'bea', name: 'Beatriz Costa', title: 'Learning Officer', department: 'Learning', manager: 'samir' },
  { key: 'finn', name: "Finn O'Connor", title: 'Learning Officer', department: 'Learning', manager: 'samir' },
  { key: 'yara', name: 'Yara Haddad', title: 'Community Programmes Lead', department: 'Learning', manager: 'clara' },
  { key: 'nadia', name: 'Nadia Petrova', title: 'Access Officer', department: 'Learning', manager: 'yara' },
  { key: 'george', name: 'George Adeyemi', title: 'Head of Visitor Experience', department: 'Visitor Experience', manager: 'margaret' },
  { key: 'lucia', name: 'Lucía Fernández', title: 'Front of House Manager', department: 'Visitor Experience', manager: 'george' },
  { key: 'ben', name: 'Ben Carter', title: 'Visitor Host', department: 'Visitor Experience', manager: 'lucia' },
  { key: 'aisha', name: 'Aisha Bello', title: 'Visitor Host', department: 'Visitor Experience', manager: 'lucia' },
  { key: 'marco', name: 'Marco Rossi', title: 'Visitor Host', department: 'Visitor Experience', manager: 'lucia' },
  { key: 'chloe', name: 'Chloé Laurent', title: 'Shop Manager', department: 'Visitor Experience', manager: 'george' },
  { key: 'ivan', name: 'Ivan Horvat', title: 'Retail Assistant', department: 'Visitor Experience', manager: 'chloe' },
  { key: 'rosa', name: 'Rosa Delgado', title: 'Head of Exhibitions', department: 'Exhibitions', manager: 'margaret' },
  { key: 'theo', name: 'Theo Papadopoulos', title: 'Exhibition Designer', department: 'Exhibitions', manager: 'rosa' },
  { key: 'linnea', name: 'Linnea Berg', title: 'Exhibitions Coordinator', department: 'Exhibitions', manager: 'rosa' },
  { key: 'kofi', name: 'Kofi Boateng', title: 'AV Technician', department: 'Exhibitions', manager: 'rosa' },
  { key: 'grace', name: 'Grace Kim', title: 'Head of Digital', department: 'Digital', manager: 'margaret' },
  { key: 'arjun', name: 'Arjun Mehta', title: 'Web Developer', department: 'Digital', manager: 'grace' },
  { key: 'elin', name: 'Elin Svensson', title: 'Digital Content Producer', department: 'Digital', manager: 'grace' },
  { key: 'omar', name: 'Omar Farouk', title: 'Data & Systems Officer', department: 'Digital', manager: 'grace' },
  { key: 'julia', name: 'Julia Nowak', title: 'Head of Finance & Operations', department: 'Operations', manager: 'margaret' },
  { key: 'peter', name: 'Peter Lang', title: 'Facilities Manager', department: 'Operations', manager: 'julia' },
  { key: 'zoe', name: 'Zoë Williams', title: 'Finance Officer', department: 'Operations', manager: 'julia' },
  { key: 'sam', name: 'Sam Okoro', title: 'Security Supervisor', department: 'Operations', manager: 'peter' },
];

export const demoEmail = (key: string): string => `${key}@${DEMO_DOMAIN}`;
