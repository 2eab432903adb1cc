/** What a navigation may carry to the next page (kept in the browser history entry). */
declare module '@tanstack/history' {
  interface HistoryState {
    /** A one-line result to announce on the next page: 「保存しました。」. */
    flash?: string;
    /** Set by ログアウト: the session ends once the home page is reached. */
    signOut?: boolean;
  }
}

export {};
