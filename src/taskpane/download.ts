// Moved to the shell (both panes save files); kept here so the Excel pane's imports stand.
export * from "./shell/download";
