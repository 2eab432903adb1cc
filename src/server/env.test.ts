import { describe, expect, it } from 'vitest';
import { databaseOptions, parseEnv } from './env';

describe('the database settings', () => {
  it('embedded without DATABASE_URL', () => {
    expect(databaseOptions(parseEnv({ MOKUHYO_DATA_DIR: '/srv/mokuhyo' }))).toEqual({
      engine: 'pglite',
      dataDir: '/srv/mokuhyo',
    });
  });

  it('the server asks for the sample image on a new embedded directory; PostgreSQL never gets one', () => {
    expect(databaseOptions(parseEnv({ MOKUHYO_DATA_DIR: '/srv/mokuhyo' }), { sample: true })).toEqual({
      engine: 'pglite',
      dataDir: '/srv/mokuhyo',
      sample: true,
    });
    expect(
      databaseOptions(parseEnv({ DATABASE_URL: 'postgres://app@db/mokuhyo' }), { sample: true }),
    ).toEqual({
      engine: 'postgres',
      url: 'postgres://app@db/mokuhyo',
    });
  });

  it('one URL is both the owner and the app, as before', () => {
    expect(databaseOptions(parseEnv({ DATABASE_URL: 'postgres://app@db/mokuhyo' }))).toEqual({
      engine: 'postgres',
      url: 'postgres://app@db/mokuhyo',
    });
  });

  it('migrates over DATABASE_MIGRATION_URL and serves over DATABASE_URL', () => {
    const env = parseEnv({
      DATABASE_URL: 'postgres://mokuhyo_app@db/mokuhyo',
      DATABASE_MIGRATION_URL: 'postgresql://mokuhyo_owner@db/mokuhyo',
    });
    expect(databaseOptions(env)).toEqual({
      engine: 'postgres',
      url: 'postgres://mokuhyo_app@db/mokuhyo',
      migrationUrl: 'postgresql://mokuhyo_owner@db/mokuhyo',
    });
  });

  it('names a migration URL given alone, or one that is no PostgreSQL URL', () => {
    expect(() => parseEnv({ DATABASE_MIGRATION_URL: 'postgres://owner@db/mokuhyo' })).toThrow(
      /DATABASE_MIGRATION_URL: DATABASE_MIGRATION_URL は DATABASE_URL（アプリが使うロール）と一緒に指定してください/,
    );
    expect(() =>
      parseEnv({ DATABASE_URL: 'postgres://app@db/m', DATABASE_MIGRATION_URL: 'mysql://owner@db/m' }),
    ).toThrow(/DATABASE_MIGRATION_URL: DATABASE_MIGRATION_URL は postgres:\/\/ で始まる URL/);
  });
});

describe('MOKUHYO_TRUSTED_PROXIES', () => {
  it('is a list of addresses and CIDR blocks, empty by default', () => {
    expect(parseEnv({}).MOKUHYO_TRUSTED_PROXIES).toEqual([]);
    expect(
      parseEnv({ MOKUHYO_TRUSTED_PROXIES: '10.0.0.5, 192.168.0.0/24,fd00::/8' }).MOKUHYO_TRUSTED_PROXIES,
    ).toEqual(['10.0.0.5', '192.168.0.0/24', 'fd00::/8']);
  });

  it('names the entries that are not addresses', () => {
    expect(() => parseEnv({ MOKUHYO_TRUSTED_PROXIES: '10.0.0.5, proxy.local, 10.0.0.0/40' })).toThrow(
      /MOKUHYO_TRUSTED_PROXIES.*（誤り：proxy\.local, 10\.0\.0\.0\/40）/,
    );
  });
});

describe('the mail settings of 通知', () => {
  const complete = {
    MOKUHYO_SMTP_URL: 'smtp://mail.city.example.lg.jp:25',
    MOKUHYO_MAIL_FROM: 'mokuhyo@city.example.lg.jp',
    MOKUHYO_PUBLIC_URL: 'https://mokuhyo.city.example.lg.jp',
  };

  it('are off unless given, and whole when all three are', () => {
    expect(parseEnv({}).mail).toBeNull();
    // The public address alone serves the open data's descriptions; it asks for no mail.
    expect(parseEnv({ MOKUHYO_PUBLIC_URL: complete.MOKUHYO_PUBLIC_URL }).mail).toBeNull();
    expect(parseEnv(complete).mail).toEqual({
      smtpUrl: complete.MOKUHYO_SMTP_URL,
      from: complete.MOKUHYO_MAIL_FROM,
      publicUrl: complete.MOKUHYO_PUBLIC_URL,
    });
  });

  it('name what is missing or wrong, in Japanese', () => {
    expect(() => parseEnv({ MOKUHYO_SMTP_URL: complete.MOKUHYO_SMTP_URL })).toThrow(
      /MOKUHYO_MAIL_FROM: メールで通知するには送信元のアドレスを指定してください[\s\S]*MOKUHYO_PUBLIC_URL: メールのリンクのため/,
    );
    expect(() => parseEnv({ MOKUHYO_MAIL_FROM: complete.MOKUHYO_MAIL_FROM })).toThrow(
      /MOKUHYO_MAIL_FROM: メールで通知するには MOKUHYO_SMTP_URL（メールサーバー）も指定してください/,
    );
    expect(() => parseEnv({ ...complete, MOKUHYO_SMTP_URL: 'mail.city.example.lg.jp' })).toThrow(
      /MOKUHYO_SMTP_URL は smtp:\/\/mail\.example\.lg\.jp:25 のように/,
    );
    expect(() => parseEnv({ ...complete, MOKUHYO_MAIL_FROM: 'mokuhyo' })).toThrow(
      /MOKUHYO_MAIL_FROM は送信元のメールアドレスで指定してください/,
    );
  });
});
