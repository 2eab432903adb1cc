import { openDatabase } from '../db/client';
import { createDemoUsersIfNone, demoPassword, demoUsers } from '../db/seed/demo-users';
import { loadSampleIfEmpty, sampleSummary } from '../db/seed/load-sample';
import { createApp } from './app';
import { databaseOptions, parseEnv } from './env';
import { startBackupSchedule } from './features/backup/backup-schedule';
import { startControlChannel } from './features/backup/control-channel';
import { MailOutbox } from './features/notifications/mail-outbox';
import { listen } from './listen';

/**
 * Start mokuhyo: listen at once (answering 503 while starting, so a load balancer can wait on
 * /api/health), open and migrate the database, load the sample on first start, then serve.
 */
async function main() {
  const env = parseEnv();
  const started = performance.now();
  const { server, serveApp } = listen({ port: env.PORT, hostname: env.HOST }, (info) => {
    console.log(
      `mokuhyo: http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${info.port}/ で待ち受けています`,
    );
  });

  const database = await openDatabase(databaseOptions(env, { sample: env.MOKUHYO_SAMPLE_DATA === 'on' }));
  console.log(
    database.engine === 'postgres'
      ? 'データベース: PostgreSQL (DATABASE_URL)'
      : `データベース: 組み込み PGlite (${env.dataDir})`,
  );
  if (env.MOKUHYO_SAMPLE_DATA === 'on') {
    // A new embedded directory copied from the sample image already holds both.
    const fromImage = database.startedFrom === 'sample';
    const loaded = fromImage ? sampleSummary() : await loadSampleIfEmpty(database.db);
    if (loaded) {
      console.log(
        `サンプルデータを読み込みました: ${loaded.municipality}${loaded.ward} ${loaded.sheets}シート`,
      );
    }
    const demo = fromImage ? demoUsers : await createDemoUsersIfNone(database.db);
    if (demo.length > 0) {
      console.log(`デモ用ユーザーを作成しました（パスワードはすべて ${demoPassword}）:`);
      for (const u of demoUsers) console.log(`  ${u.loginId.padEnd(14)} ${u.displayName}`);
    }
  }
  const { app, dispose, answerEarly } = await createApp({
    database,
    trustedProxies: env.MOKUHYO_TRUSTED_PROXIES,
    jobs: { expireInSeconds: env.MOKUHYO_JOB_TIMEOUT },
    mailEnabled: env.mail !== null,
    mailFrom: env.mail?.from ?? null,
    publicUrl: env.MOKUHYO_PUBLIC_URL,
    signOn: env.signOn,
  });
  serveApp(app, answerEarly);
  const closeControl =
    database.engine === 'pglite'
      ? await startControlChannel({ database, dataDir: env.dataDir })
      : async () => {};
  const outbox = new MailOutbox(database, env.mail);
  outbox.start();
  if (env.mail) {
    // The URL may carry the SMTP password: only its scheme, host and port are logged.
    const server = new URL(env.mail.smtpUrl);
    console.log(`メールの通知: ${server.protocol}//${server.host} から ${env.mail.from} の名前で送ります`);
  }
  const stopBackups = env.backup
    ? startBackupSchedule({ database, config: env.backup, databaseUrl: env.DATABASE_URL })
    : async () => {};
  if (env.MOKUHYO_TRUSTED_PROXIES.length > 0) {
    console.log(
      `信頼するプロキシ: ${env.MOKUHYO_TRUSTED_PROXIES.join(', ')}（X-Forwarded-For から接続元を読みます）`,
    );
  }
  console.log(`準備完了 (${Math.round(performance.now() - started)} ms)`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.close();
    await stopBackups();
    await outbox.stop();
    await closeControl();
    // Jobs running here get a few seconds; what is left is run again by another server.
    const left = await dispose({ jobGraceMs: 10_000 });
    if (left.length > 0)
      console.log(`終わっていない処理 ${left.length} 件は、ほかのサーバーか次回の起動時にやり直します`);
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
