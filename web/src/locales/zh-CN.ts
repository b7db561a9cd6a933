// Simplified Chinese messages: the default locale and the reference for every other one.
// en.ts must have exactly the same keys (checked by the type of en.ts and by locales.spec.ts).
const zhCN = {
  app: {
    name: '职工之家',
    fullName: '职工之家 · 工会服务平台',
    tagline: '让工会成为职工信赖的“职工之家”',
  },
  locale: {
    label: '语言',
    'zh-CN': '中文',
    en: 'English',
  },
  common: {
    backHome: '返回首页',
    loading: '加载中…',
    notAvailable: '—',
  },
  titles: {
    login: '登录',
    home: '首页',
    portal: '职工服务',
    portalRequests: '办事',
    portalMe: '我的',
    notFound: '页面不存在',
  },
  login: {
    heading: '工作人员登录',
    subheading: '面向各级工会工作人员的服务与管理平台',
    username: '用户名',
    password: '密码',
    usernamePlaceholder: '请输入用户名',
    passwordPlaceholder: '请输入密码',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    submit: '登录',
    failed: '登录失败',
    portalLink: '我是职工，进入职工服务',
    footer: '职工服务热线 12351',
  },
  console: {
    menu: {
      home: '首页',
      portal: '职工服务端',
    },
    logout: '退出登录',
    loggedOut: '已退出登录',
    roles: {
      admin: '管理员',
      operator: '热线话务员',
      cadre: '工会干部',
      staff: '工作人员',
      member: '职工会员',
    },
  },
  home: {
    welcome: '欢迎，{name}',
    welcomeText: '这里是职工之家工作台。更多业务模块将随版本陆续开放。',
    org: '所属工会',
    role: '角色',
    systemInfo: '系统信息',
    product: '产品',
    version: '服务端版本',
    backend: '数据库',
    schemaVersion: '数据库结构版本',
    backends: {
      sqlite: 'SQLite',
      postgresql: 'PostgreSQL',
    },
    loadFailed: '无法获取系统信息',
  },
  portal: {
    title: '职工之家',
    tabs: {
      home: '首页',
      requests: '办事',
      me: '我的',
    },
    welcomeTitle: '您好，欢迎来到职工之家',
    welcomeText: '工会是职工的家。遇到劳动权益、困难帮扶、就业服务等问题，都可以找工会。',
    hotline: {
      title: '12351 职工服务热线',
      description: '法律咨询、困难帮扶、就业服务、权益维护，一个电话找到工会。',
      call: '拨打 12351',
    },
    comingSoon: '该功能即将开放，如需帮助请拨打 12351 职工服务热线。',
  },
  notFound: {
    title: '404',
    description: '您访问的页面不存在或已被移除。',
  },
  errors: {
    network: '网络连接失败，请稍后重试',
    unexpected: '服务器返回了意外的响应（{status}）',
    sessionExpired: '登录已过期，请重新登录',
  },
}

export default zhCN

/** The shape every locale must have: the same keys as zh-CN, each a string. */
export type MessageSchema = DeepStrings<typeof zhCN>
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> }
