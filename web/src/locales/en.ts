// English messages. Same keys as zh-CN.ts; `satisfies` makes a missing or extra key a type error.
import type { MessageSchema } from './zh-CN'

const en = {
  app: {
    name: 'Zhijia',
    fullName: "Zhijia — Workers' Home",
    tagline: "Making the union a home that workers trust",
  },
  locale: {
    label: 'Language',
    'zh-CN': '中文',
    en: 'English',
  },
  common: {
    backHome: 'Back to home',
    loading: 'Loading…',
    notAvailable: '—',
  },
  titles: {
    login: 'Sign in',
    home: 'Home',
    portal: 'Worker services',
    portalRequests: 'Requests',
    portalMe: 'Me',
    notFound: 'Page not found',
  },
  login: {
    heading: 'Staff sign-in',
    subheading: 'Service and management platform for trade-union staff at every level',
    username: 'Username',
    password: 'Password',
    usernamePlaceholder: 'Enter your username',
    passwordPlaceholder: 'Enter your password',
    usernameRequired: 'Please enter your username',
    passwordRequired: 'Please enter your password',
    submit: 'Sign in',
    failed: 'Sign-in failed',
    portalLink: "I'm a worker: go to worker services",
    footer: "Workers' hotline 12351",
  },
  console: {
    menu: {
      home: 'Home',
      portal: 'Worker portal',
    },
    logout: 'Sign out',
    loggedOut: 'Signed out',
    roles: {
      admin: 'Administrator',
      operator: 'Hotline operator',
      cadre: 'Union cadre',
      staff: 'Staff',
      member: 'Member',
    },
  },
  home: {
    welcome: 'Welcome, {name}',
    welcomeText: 'This is the Zhijia workbench. More modules will open with coming releases.',
    org: 'Union',
    role: 'Role',
    systemInfo: 'System information',
    product: 'Product',
    version: 'Server version',
    backend: 'Database',
    schemaVersion: 'Schema version',
    backends: {
      sqlite: 'SQLite',
      postgresql: 'PostgreSQL',
    },
    loadFailed: 'Could not load system information',
  },
  portal: {
    title: "Workers' Home",
    tabs: {
      home: 'Home',
      requests: 'Requests',
      me: 'Me',
    },
    welcomeTitle: "Hello, welcome to Workers' Home",
    welcomeText:
      'The union is your home. For labour rights, hardship assistance or employment services, turn to the union.',
    hotline: {
      title: "12351 Workers' Hotline",
      description: 'Legal advice, hardship assistance, employment services and rights protection: one call reaches the union.',
      call: 'Call 12351',
    },
    comingSoon: "This service opens soon. For help now, call the 12351 workers' hotline.",
  },
  notFound: {
    title: '404',
    description: 'The page you are looking for does not exist or has been removed.',
  },
  errors: {
    network: 'Network error, please try again later',
    unexpected: 'The server sent an unexpected response ({status})',
    sessionExpired: 'Your session has expired, please sign in again',
  },
} satisfies MessageSchema

export default en
