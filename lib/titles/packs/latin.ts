/**
 * Latin words in Chinese titles.
 *
 * ACRONYMS: all-caps words that are specifications or standard names buyers search for
 * (USB, LED, TWS); every other all-caps word of three letters or more (NEW, HOT, SALE,
 * FASHION) is noise on a Chinese search platform and gets an info finding. Brand names in
 * capitals come from the brand lists, not from here. Sorted, unique, upper case.
 */
export const ACRONYMS: readonly string[] = [
  'ABS',
  'ANC',
  'APP',
  'ARA',
  'CPU',
  'DHA',
  'DIY',
  'DVD',
  'EPE',
  'EVA',
  'GPS',
  'HDMI',
  'HIFI',
  'INS',
  'IPS',
  'LCD',
  'LED',
  'MAX',
  'MINI',
  'MPV',
  'NFC',
  'OLED',
  'PET',
  'POM',
  'PRO',
  'PVC',
  'RGB',
  'SPF',
  'SSD',
  'SUV',
  'TPE',
  'TPR',
  'TPU',
  'TWS',
  'UPF',
  'USB',
  'WIFI',
];
