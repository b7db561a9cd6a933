#!/usr/bin/env node
// Writes a deterministic member roster CSV for the import benchmark and tests: valid 18-digit
// IDs (GB 11643 check characters, distinct for every row), names, phones, join dates.
// Usage: node bench/import/gen_roster.mjs --rows N [--seed S] [--bad-every K] OUT.csv
//   --bad-every K  makes every K-th data row carry a wrong check character (rejected rows).
import { createWriteStream } from 'node:fs';

const args = process.argv.slice(2);
let rows = 1_000_000;
let seed = 1;
let badEvery = 0;
let out = null;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--rows') rows = Number(args[++i]);
  else if (args[i] === '--seed') seed = Number(args[++i]);
  else if (args[i] === '--bad-every') badEvery = Number(args[++i]);
  else out = args[i];
}
if (!out || !(rows >= 0)) {
  console.error('usage: gen_roster.mjs --rows N [--seed S] [--bad-every K] OUT.csv');
  process.exit(2);
}

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checks = '10X98765432';
function checkChar(body) {
  let s = 0;
  for (let i = 0; i < 17; i++) s += (body.charCodeAt(i) - 48) * weights[i];
  return checks[s % 11];
}
// A small linear congruential generator: the same seed gives the same file everywhere.
let state = seed >>> 0;
function rand(n) {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
  return state % n;
}
const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const given = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红梅玉兰海燕鹏辉晨阳欣怡子涵浩宇雨萱俊杰';
const regions = ['110101', '110102', '110105', '110106', '110108', '120101', '310101', '440106'];

const stream = createWriteStream(out);
let buf = '姓名,身份证号,性别,手机号,入会时间,民族,工作单位\n';
for (let r = 0; r < rows; r++) {
  // The sequence number makes every ID distinct: birth day and 3-digit order code from r.
  const day = Math.floor(r / 1000) % 9000;  // days after 1960-01-01
  const d = new Date(Date.UTC(1960, 0, 1) + day * 86400000);
  const ymd = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
  const region = regions[Math.floor(r / 9_000_000) % regions.length];
  const order = String(r % 1000).padStart(3, '0');
  const body = region + ymd + order;
  let check = checkChar(body);
  if (badEvery > 0 && (r + 1) % badEvery === 0) check = check === '0' ? '1' : '0';
  const male = (r % 1000) % 2 === 1;
  const name = surnames[rand(surnames.length)] + given[rand(given.length)] + (rand(2) ? given[rand(given.length)] : '');
  const phone = '13' + String(100000000 + rand(900000000)).padStart(9, '0');
  const join = `${2000 + rand(25)}-${String(1 + rand(12)).padStart(2, '0')}-${String(1 + rand(28)).padStart(2, '0')}`;
  buf += `${name},${body}${check},${male ? '男' : '女'},${phone},${join},汉族,北京华信科技有限公司\n`;
  if (buf.length > 1 << 20) {
    if (!stream.write(buf)) await new Promise((ok) => stream.once('drain', ok));
    buf = '';
  }
}
stream.write(buf);
stream.end();
