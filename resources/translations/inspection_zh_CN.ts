<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>InspectionForm</name>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="81"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="86"/>
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="92"/>
        <source>Names of everyone present, separated by commas</source>
        <translation>填写全部在场人员姓名，用逗号或顿号分隔</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="94"/>
        <source>Kind</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="95"/>
        <source>Inspectors present</source>
        <translation>在场检查人员</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="99"/>
        <source>Discharge</source>
        <translation>排放情况</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="102"/>
        <source>Discharging now</source>
        <translation>当前是否排放</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="117"/>
        <source>Flow</source>
        <translation>流量</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="121"/>
        <source>Quick tests (optional)</source>
        <translation>快速检测（可选）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="128"/>
        <source>Confirmed</source>
        <translation>已复核</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="130"/>
        <source>Tick after re-checking a value outside the usual range</source>
        <translation>数值超出常见范围时，复核后勾选</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="141"/>
        <source>Sign</source>
        <translation>标志牌</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="143"/>
        <source>Sampling point / inspection well</source>
        <translation>监测采样点 / 检查井</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="147"/>
        <source>Problems found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="156"/>
        <source>What was seen (required)</source>
        <translation>所见情况（必填）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="167"/>
        <source>Remediation and notes</source>
        <translation>整治核查与备注</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="179"/>
        <source>Only when no position can be captured: why</source>
        <translation>仅在无法定位时填写：原因</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="181"/>
        <source>Claimed remediation</source>
        <translation>整治核查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="182"/>
        <source>What was seen</source>
        <translation>所见情况</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="183"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="184"/>
        <source>No position because</source>
        <translation>无法定位的原因</translation>
    </message>
</context>
<context>
    <name>InspectionWindow</name>
    <message>
        <location filename="../../fieldapp/ui/inspection/window.py" line="115"/>
        <location filename="../../fieldapp/ui/inspection/window.py" line="172"/>
        <source>Complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/window.py" line="118"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/window.py" line="172"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/window.py" line="174"/>
        <source>Inspection — %1</source>
        <translation>检查 — %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/window.py" line="187"/>
        <source>Completed %1: the record is frozen</source>
        <translation>已于 %1 完成：记录已锁定</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/window.py" line="203"/>
        <source>Unsaved changes…</source>
        <translation>有未保存的修改…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/window.py" line="238"/>
        <source>Draft saved %1</source>
        <translation>草稿已保存 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/window.py" line="273"/>
        <source>%1 is already in this inspection</source>
        <translation>%1 已在本次检查中</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/window.py" line="326"/>
        <source>%1 problem(s) to fix before completing:</source>
        <translation>完成前需要处理 %1 个问题：</translation>
    </message>
</context>
<context>
    <name>NearestOutfallsDialog</name>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="43"/>
        <source>Nearest outfalls</source>
        <translation>附近的排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="52"/>
        <source>Waiting for a position…</source>
        <translation>正在等待定位…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="58"/>
        <source>Inspect this outfall</source>
        <translation>检查此排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="61"/>
        <source>New outfall here…</source>
        <translation>在此登记新排污口…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="64"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="97"/>
        <source>From %1, %2</source>
        <translation>当前位置 %1, %2</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="108"/>
        <source>No registered outfall within 50 km</source>
        <translation>50 公里内没有已登记的排污口</translation>
    </message>
</context>
<context>
    <name>NewOutfallDialog</name>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="134"/>
        <source>New, unregistered outfall</source>
        <translation>新发现的未登记排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="141"/>
        <source>County + town + village + landmark + type</source>
        <translation>县区 + 镇街 + 村 + 方位地标 + 类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="164"/>
        <source>Create and inspect</source>
        <translation>登记并开始检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="168"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="171"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="172"/>
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="173"/>
        <source>Town</source>
        <translation>镇（街道）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="174"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="175"/>
        <source>Water body</source>
        <translation>受纳水体</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="176"/>
        <source>Into</source>
        <translation>入江 / 入海 / 入河</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="177"/>
        <source>Basin</source>
        <translation>流域</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="185"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="208"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="211"/>
        <source>Add folder / SD card…</source>
        <translation>添加文件夹 / SD 卡…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="229"/>
        <source>Drop photos here, or add them from files or a folder</source>
        <translation>可将照片拖放到此处，或从文件、文件夹添加</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="240"/>
        <source>Caption</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="244"/>
        <source>Not attached to a problem</source>
        <translation>未关联问题</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="251"/>
        <source>View larger</source>
        <translation>查看大图</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="254"/>
        <source>Use its position</source>
        <translation>使用照片位置</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="283"/>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="355"/>
        <source>Adding %1 photo(s)…</source>
        <translation>正在添加 %1 张照片…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="290"/>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="292"/>
        <source>Photos (*.jpg *.jpeg *.JPG *.JPEG *.heic *.HEIC *.heif *.HEIF)</source>
        <translation>照片 (*.jpg *.jpeg *.JPG *.JPEG *.heic *.HEIC *.heif *.HEIF)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="297"/>
        <source>Add every photo in a folder</source>
        <translation>添加文件夹中的全部照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="357"/>
        <source>%1 photo(s)</source>
        <translation>%1 张照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="409"/>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="432"/>
        <source>No position in the photo</source>
        <translation>照片中没有位置信息</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="411"/>
        <source>%1 from the outfall</source>
        <translation>距排污口 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="414"/>
        <source>No time in the photo</source>
        <translation>照片中没有拍摄时间</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="416"/>
        <source>Taken %1 from the inspection time</source>
        <translation>拍摄时间与检查时间相差 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="419"/>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="428"/>
        <source>Taken far from the outfall</source>
        <translation>拍摄地点距排污口过远</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="421"/>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="430"/>
        <source>Taken long before or after the inspection</source>
        <translation>拍摄时间与检查时间相差过大</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="513"/>
        <source>Exported a copy to %1</source>
        <translation>已导出副本：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="519"/>
        <source>Could not export to %1: %2</source>
        <translation>无法导出到 %1：%2</translation>
    </message>
</context>
<context>
    <name>PhotoViewDialog</name>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_view.py" line="45"/>
        <source>Photo %1</source>
        <translation>照片 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_view.py" line="46"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_view.py" line="53"/>
        <source>Watermark: outfall code, time, coordinates</source>
        <translation>水印：排污口编码、时间、坐标</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_view.py" line="56"/>
        <source>Drawn on the copy shown or exported; the original photo is never changed</source>
        <translation>水印只加在显示或导出的副本上，原始照片始终不变</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_view.py" line="60"/>
        <source>Export copy…</source>
        <translation>导出副本…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_view.py" line="66"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_view.py" line="98"/>
        <source>Export a copy of the photo</source>
        <translation>导出照片副本</translation>
    </message>
</context>
<context>
    <name>PositionPanel</name>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="109"/>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="126"/>
        <source>Receiver port (COM3, /dev/ttyUSB0) or NMEA log</source>
        <translation>接收机端口（COM3、/dev/ttyUSB0）或 NMEA 日志</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="127"/>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="196"/>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="221"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="130"/>
        <source>Log file…</source>
        <translation>日志文件…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="137"/>
        <source>No receiver connected</source>
        <translation>未连接定位接收机</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="140"/>
        <source>Capture position</source>
        <translation>采集位置</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="144"/>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="309"/>
        <source>No position captured yet</source>
        <translation>尚未采集位置</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="155"/>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="159"/>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="163"/>
        <source>Why typed in (required)</source>
        <translation>手工录入原因（必填）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="164"/>
        <source>Use typed</source>
        <translation>使用录入坐标</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="190"/>
        <source>Waiting for the receiver…</source>
        <translation>正在等待接收机…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="192"/>
        <source>Disconnect</source>
        <translation>断开</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="210"/>
        <source>NMEA log</source>
        <translation>NMEA 日志</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="210"/>
        <source>NMEA logs (*.log *.nmea *.txt);;All files (*)</source>
        <translation>NMEA 日志 (*.log *.nmea *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="225"/>
        <source>The source ended before enough good fixes arrived</source>
        <translation>定位源已结束，合格定位次数不足</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="230"/>
        <source>no fix</source>
        <translation>未定位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="236"/>
        <source>Fix %1 · satellites %2 · HDOP %3 · error ±%4</source>
        <translation>定位 %1 · 卫星 %2 · HDOP %3 · 误差 ±%4</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="246"/>
        <source>Accuracy not good enough to capture</source>
        <translation>精度不足，暂不能采集</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="263"/>
        <source>Averaging fixes: %1 of %2</source>
        <translation>正在平均定位：%1 / %2</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="285"/>
        <source>Type a latitude, a longitude and the reason they were typed in</source>
        <translation>请输入纬度、经度和手工录入的原因</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="312"/>
        <source>GNSS, %1 fixes averaged</source>
        <translation>卫星定位，%1 次平均</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="313"/>
        <source>from a photo&apos;s EXIF</source>
        <translation>来自照片 EXIF</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="314"/>
        <source>typed in: %1</source>
        <translation>手工录入：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="319"/>
        <source>Outfall %1 to the %2</source>
        <translation>排污口位于%2，距 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="322"/>
        <source>Far from the registered outfall: this will be flagged</source>
        <translation>距登记的排污口过远：将被标记</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="334"/>
        <source>north</source>
        <translation>正北</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="335"/>
        <source>north-east</source>
        <translation>东北</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="336"/>
        <source>east</source>
        <translation>正东</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="337"/>
        <source>south-east</source>
        <translation>东南</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="338"/>
        <source>south</source>
        <translation>正南</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="339"/>
        <source>south-west</source>
        <translation>西南</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="340"/>
        <source>west</source>
        <translation>正西</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="341"/>
        <source>north-west</source>
        <translation>西北</translation>
    </message>
</context>
<context>
    <name>ReturnedBanner</name>
    <message>
        <location filename="../../fieldapp/ui/inspection/returned_banner.py" line="45"/>
        <source>Returned by %1 on %2: %3</source>
        <translation>%1 于 %2 退回：%3</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/returned_banner.py" line="52"/>
        <source>No deadline</source>
        <translation>未设整改期限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/returned_banner.py" line="56"/>
        <source>Correct by %1: the deadline has passed</source>
        <translation>整改期限 %1：已逾期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/returned_banner.py" line="63"/>
        <source>Correct by %1</source>
        <translation>请于 %1 前整改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/returned_banner.py" line="68"/>
        <source>You are revising the original of %1 as a new version; the original stays as it was.</source>
        <translation>正在以新版本修改 %1 的原记录；原记录保持不变。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/returned_banner.py" line="69"/>
        <source>(not completed)</source>
        <translation>（未完成）</translation>
    </message>
</context>
</TS>
