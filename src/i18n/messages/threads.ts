import type { MessageTable } from '../types.js';

/** Reading with worker threads (`--threads`, issue 13). */
export const threadsMessages: MessageTable = {
  OPT_THREADS: {
    vi: 'số luồng đọc tệp song song (mặc định 1: đọc trong một luồng); kết quả giống hệt nhau với mọi số luồng',
    en: 'threads reading files in parallel (default 1: read in one thread); the results are the same whatever the number',
  },
  E_THREADS_OPTION: {
    vi: 'Giá trị "{value}" của --threads không hợp lệ: cần một số nguyên từ 1 đến {max}',
    en: 'Option --threads does not take "{value}": expected a whole number from 1 to {max}',
  },
  E_THREADS_START: {
    vi: 'dti không khởi động được các luồng đọc tệp ({detail}). Hãy chạy lại với --threads 1, và báo lỗi cho nhóm phát triển dti kèm lệnh đã chạy',
    en: 'dti could not start its reading threads ({detail}). Run again with --threads 1, and report it to the dti developers with the command you ran',
  },
  E_FILE_THREAD_DIED: {
    vi: 'Luồng đọc của dti dừng đột ngột khi đang đọc tệp này (mã thoát {exitCode}), có thể do tệp cần quá nhiều bộ nhớ; tệp bị bỏ qua, các tệp khác vẫn được xử lý. Hãy chạy lại với --threads 1, và báo lỗi cho nhóm phát triển dti kèm tệp nếu tệp có vẻ bình thường',
    en: 'dti\'s reading thread stopped while reading this file (exit code {exitCode}), perhaps as the file needs too much memory; the file was left out and the others were processed. Run again with --threads 1, and report it to the dti developers with the file if it looks right',
  },
};
