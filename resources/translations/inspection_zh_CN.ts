<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AcceptanceSection</name>
    <message>
        <location filename="../../fieldapp/ui/inspection/acceptance.py" line="181"/>
        <source>Acceptance (验收)</source>
        <translation>验收</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/acceptance.py" line="185"/>
        <source>Checklist for the route: %1</source>
        <translation>整治方式“%1”的验收清单</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/acceptance.py" line="186"/>
        <source>The outfall has no remediation route: the common items only.</source>
        <translation>该排污口未填整治方式：仅列通用检查项。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/acceptance.py" line="196"/>
        <source> (must check)</source>
        <translation>（必查）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/acceptance.py" line="205"/>
        <source>Re-tests (复测): each value against its standard&apos;s limit</source>
        <translation>复测：各项数值与执行标准限值比对</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/acceptance.py" line="211"/>
        <source>Add a re-test</source>
        <translation>添加复测项</translation>
    </message>
</context>
<context>
    <name>CompletionDialog</name>
    <message>
        <location filename="../../fieldapp/ui/inspection/completion_dialog.py" line="33"/>
        <source>Complete this inspection?</source>
        <translation>完成此检查记录？</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/completion_dialog.py" line="40"/>
        <source>A completed inspection is frozen: it can no longer be changed, only corrected by a new version.</source>
        <translation>完成后的检查记录将被锁定：不能再修改，只能以新版本更正。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/completion_dialog.py" line="56"/>
        <source>Go there to change it</source>
        <translation>转到该处修改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/completion_dialog.py" line="60"/>
        <source>Please look at these before completing (%1):</source>
        <translation>完成前请再看一下这些情况（%1 项）：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/completion_dialog.py" line="64"/>
        <source>Nothing to look at again.</source>
        <translation>没有需要再核对的情况。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/completion_dialog.py" line="70"/>
        <source>Back to the form</source>
        <translation>返回表单</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/completion_dialog.py" line="73"/>
        <source>Go to the selected item</source>
        <translation>转到所选项</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/completion_dialog.py" line="82"/>
        <source>Complete anyway</source>
        <translation>仍然完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/completion_dialog.py" line="82"/>
        <source>Complete and freeze</source>
        <translation>完成并锁定</translation>
    </message>
</context>
<context>
    <name>InspectionForm</name>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="103"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="107"/>
        <source>* needed to complete. Items marked “must check” are asked again if left open.</source>
        <translation>* 为完成所必填。标有“必查”的项目如未填写，完成前会再次提示。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="114"/>
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="121"/>
        <source>Names of everyone present, separated by commas</source>
        <translation>填写全部在场人员姓名，用逗号或顿号分隔</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="123"/>
        <source>Kind</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="124"/>
        <source>Inspectors present</source>
        <translation>在场检查人员</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="135"/>
        <source>Discharge</source>
        <translation>排放情况</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="139"/>
        <source>Discharging now</source>
        <translation>当前是否排放</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="154"/>
        <source>Flow</source>
        <translation>流量</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="158"/>
        <source>Quick tests (optional)</source>
        <translation>快速检测（可选）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="166"/>
        <source>Confirmed</source>
        <translation>已复核</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="168"/>
        <source>Tick after re-checking a value outside the usual range</source>
        <translation>数值超出常见范围时，复核后勾选</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="184"/>
        <source>Sign</source>
        <translation>标志牌</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="186"/>
        <source>Sampling point / inspection well</source>
        <translation>监测采样点 / 检查井</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="190"/>
        <source>Problems found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="199"/>
        <source>What was seen (required)</source>
        <translation>所见情况（必填）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="213"/>
        <source>Remediation and notes</source>
        <translation>整治核查与备注</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="226"/>
        <source>Only when no position can be captured: why</source>
        <translation>仅在无法定位时填写：原因</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="228"/>
        <source>Claimed remediation</source>
        <translation>整治核查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="229"/>
        <source>What was seen</source>
        <translation>所见情况</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="230"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="231"/>
        <source>No position because</source>
        <translation>无法定位的原因</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="243"/>
        <source>All as expected</source>
        <translation>全部正常</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="246"/>
        <source>Answer every unanswered item with its expected answer (answers given stay)</source>
        <translation>把所有未填项目填为正常答案（已填的保持不变）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/form.py" line="260"/>
        <source> (must check)</source>
        <translation>（必查）</translation>
    </message>
</context>
<context>
    <name>InspectionWindow</name>
    <message>
        <location filename="../../fieldapp/ui/inspection/window.py" line="198"/>
        <source>Complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/window.py" line="132"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/window.py" line="123"/>
        <source>Complete…</source>
        <translation>完成…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/window.py" line="127"/>
        <source>Check everything, review the summary and complete (%1)</source>
        <translation>检查全部内容，核对摘要后完成（%1）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/window.py" line="135"/>
        <source>Close; the draft is saved (%1 saves now)</source>
        <translation>关闭；草稿会保存（%1 立即保存）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/window.py" line="198"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/window.py" line="200"/>
        <source>Inspection — %1</source>
        <translation>检查 — %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/window.py" line="213"/>
        <source>Completed %1: the record is frozen</source>
        <translation>已于 %1 完成：记录已锁定</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/window.py" line="229"/>
        <source>Unsaved changes…</source>
        <translation>有未保存的修改…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/window.py" line="264"/>
        <source>Draft saved %1</source>
        <translation>草稿已保存 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/window.py" line="299"/>
        <source>%1 is already in this inspection</source>
        <translation>%1 已在本次检查中</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/window.py" line="393"/>
        <source>%1 problem(s) to fix before completing (choose one to go there):</source>
        <translation>完成前需修正 %1 个问题（点选一项即可转到该处）：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/window.py" line="444"/>
        <source>Add a photo, then attach it to the problem below the photos</source>
        <translation>请添加照片，然后在照片下方把它关联到该问题</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/window.py" line="448"/>
        <source>Attach this photo to the problem it shows</source>
        <translation>请把这张照片关联到它所反映的问题</translation>
    </message>
</context>
<context>
    <name>NearestOutfallsDialog</name>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="44"/>
        <source>Nearest outfalls</source>
        <translation>附近的排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="53"/>
        <source>Waiting for a position…</source>
        <translation>正在等待定位…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="59"/>
        <source>Inspect this outfall</source>
        <translation>检查此排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="62"/>
        <source>New outfall here…</source>
        <translation>在此登记新排污口…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="65"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="98"/>
        <source>From %1, %2</source>
        <translation>当前位置 %1, %2</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="109"/>
        <source>No registered outfall within 50 km</source>
        <translation>50 公里内没有已登记的排污口</translation>
    </message>
</context>
<context>
    <name>NewOutfallDialog</name>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="135"/>
        <source>New, unregistered outfall</source>
        <translation>新发现的未登记排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="142"/>
        <source>County + town + village + landmark + type</source>
        <translation>县区 + 镇街 + 村 + 方位地标 + 类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="165"/>
        <source>Create and inspect</source>
        <translation>登记并开始检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="169"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="172"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="173"/>
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="174"/>
        <source>Town</source>
        <translation>镇（街道）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="175"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="176"/>
        <source>Water body</source>
        <translation>受纳水体</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="177"/>
        <source>Into</source>
        <translation>入江 / 入海 / 入河</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/nearest.py" line="178"/>
        <source>Basin</source>
        <translation>流域</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="86"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="111"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="114"/>
        <source>Add folder / SD card…</source>
        <translation>添加文件夹 / SD 卡…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="132"/>
        <source>Drop photos here, or add them from files or a folder</source>
        <translation>可将照片拖放到此处，或从文件、文件夹添加</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="143"/>
        <source>Caption</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="151"/>
        <source>Not attached to a problem</source>
        <translation>未关联问题</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="158"/>
        <source>View larger</source>
        <translation>查看大图</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="161"/>
        <source>Use its position</source>
        <translation>使用照片位置</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="164"/>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="415"/>
        <source>Remove photo</source>
        <translation>移除照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="168"/>
        <source>Take this photo out of the inspection (allowed until it is completed)</source>
        <translation>把这张照片从检查记录中移除（完成前均可）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="173"/>
        <source>Replace…</source>
        <translation>替换…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="176"/>
        <source>Choose another photo to take this one&apos;s place, caption and problem</source>
        <translation>选择另一张照片替换这张，沿用其说明和关联问题</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="207"/>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="286"/>
        <source>Adding %1 photo(s)…</source>
        <translation>正在添加 %1 张照片…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="214"/>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="216"/>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="438"/>
        <source>Photos (*.jpg *.jpeg *.JPG *.JPEG *.heic *.HEIC *.heif *.HEIF)</source>
        <translation>照片 (*.jpg *.jpeg *.JPG *.JPEG *.heic *.HEIC *.heif *.HEIF)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="221"/>
        <source>Add every photo in a folder</source>
        <translation>添加文件夹中的全部照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="288"/>
        <source>%1 photo(s)</source>
        <translation>%1 张照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="340"/>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="363"/>
        <source>No position in the photo</source>
        <translation>照片中没有位置信息</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="342"/>
        <source>%1 from the outfall</source>
        <translation>距排污口 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="345"/>
        <source>No time in the photo</source>
        <translation>照片中没有拍摄时间</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="347"/>
        <source>Taken %1 from the inspection time</source>
        <translation>拍摄时间与检查时间相差 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="350"/>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="359"/>
        <source>Taken far from the outfall</source>
        <translation>拍摄地点距排污口过远</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="352"/>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="361"/>
        <source>Taken long before or after the inspection</source>
        <translation>拍摄时间与检查时间相差过大</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="416"/>
        <source>Remove %1 from this inspection? The file itself is kept.</source>
        <translation>从此检查记录中移除 %1？照片文件本身会保留。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="423"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="424"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="436"/>
        <source>Replace photo</source>
        <translation>替换照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="449"/>
        <source>Replacing the photo…</source>
        <translation>正在替换照片…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="505"/>
        <source>Exported a copy to %1</source>
        <translation>已导出副本：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/photo_strip.py" line="511"/>
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
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="62"/>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="81"/>
        <source>Receiver port (COM3, /dev/ttyUSB0) or NMEA log</source>
        <translation>接收机端口（COM3、/dev/ttyUSB0）或 NMEA 日志</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="82"/>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="153"/>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="182"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="85"/>
        <source>Log file…</source>
        <translation>日志文件…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="92"/>
        <source>No receiver connected</source>
        <translation>未连接定位接收机</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="95"/>
        <source>Capture position</source>
        <translation>采集位置</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="99"/>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="277"/>
        <source>No position captured yet</source>
        <translation>尚未采集位置</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="110"/>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="114"/>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="118"/>
        <source>Why typed in (required)</source>
        <translation>手工录入原因（必填）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="119"/>
        <source>Use typed</source>
        <translation>使用录入坐标</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="146"/>
        <source>Waiting for the receiver…</source>
        <translation>正在等待接收机…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="149"/>
        <source>Disconnect</source>
        <translation>断开</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="171"/>
        <source>NMEA log</source>
        <translation>NMEA 日志</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="171"/>
        <source>NMEA logs (*.log *.nmea *.txt);;All files (*)</source>
        <translation>NMEA 日志 (*.log *.nmea *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="186"/>
        <source>The source ended before enough good fixes arrived</source>
        <translation>定位源已结束，合格定位次数不足</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="191"/>
        <source>no fix</source>
        <translation>未定位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="197"/>
        <source>Fix %1 · satellites %2 · HDOP %3 · error ±%4</source>
        <translation>定位 %1 · 卫星 %2 · HDOP %3 · 误差 ±%4</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="231"/>
        <source>Averaging fixes: %1 of %2</source>
        <translation>正在平均定位：%1 / %2</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="253"/>
        <source>Type a latitude, a longitude and the reason they were typed in</source>
        <translation>请输入纬度、经度和手工录入的原因</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="280"/>
        <source>GNSS, %1 fixes averaged</source>
        <translation>卫星定位，%1 次平均</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="281"/>
        <source>from a photo&apos;s EXIF</source>
        <translation>来自照片 EXIF</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="282"/>
        <source>typed in: %1</source>
        <translation>手工录入：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="287"/>
        <source>Outfall %1 to the %2</source>
        <translation>排污口位于%2，距 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="290"/>
        <source>Far from the registered outfall: this will be flagged</source>
        <translation>距登记的排污口过远：将被标记</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="302"/>
        <source>north</source>
        <translation>正北</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="303"/>
        <source>north-east</source>
        <translation>东北</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="304"/>
        <source>east</source>
        <translation>正东</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="305"/>
        <source>south-east</source>
        <translation>东南</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="306"/>
        <source>south</source>
        <translation>正南</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="307"/>
        <source>south-west</source>
        <translation>西南</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="308"/>
        <source>west</source>
        <translation>正西</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/position_panel.py" line="309"/>
        <source>north-west</source>
        <translation>西北</translation>
    </message>
</context>
<context>
    <name>RetestRow</name>
    <message>
        <location filename="../../fieldapp/ui/inspection/acceptance.py" line="51"/>
        <source>— test —</source>
        <translation>— 检测项目 —</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/acceptance.py" line="55"/>
        <source>Quick test on site</source>
        <translation>现场快检</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/acceptance.py" line="56"/>
        <source>Lab report</source>
        <translation>实验室检测</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/acceptance.py" line="58"/>
        <source>value</source>
        <translation>测得值</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/acceptance.py" line="64"/>
        <source>Limit typed (permit, report)</source>
        <translation>手填限值（许可证、报告）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/acceptance.py" line="66"/>
        <source>min</source>
        <translation>下限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/acceptance.py" line="68"/>
        <source>limit</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/acceptance.py" line="73"/>
        <source>Lab report no.</source>
        <translation>检测报告编号</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/acceptance.py" line="77"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/acceptance.py" line="88"/>
        <source>Limit</source>
        <translation>限值</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/acceptance.py" line="161"/>
        <source>Over the limit (超标)</source>
        <translation>超标</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/acceptance.py" line="164"/>
        <source>Within the limit</source>
        <translation>达标</translation>
    </message>
</context>
<context>
    <name>ReturnedBanner</name>
    <message>
        <location filename="../../fieldapp/ui/inspection/returned_banner.py" line="46"/>
        <source>Returned by %1 on %2: %3</source>
        <translation>%1 于 %2 退回：%3</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/returned_banner.py" line="53"/>
        <source>No deadline</source>
        <translation>未设整改期限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/returned_banner.py" line="57"/>
        <source>Correct by %1: the deadline has passed</source>
        <translation>整改期限 %1：已逾期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/returned_banner.py" line="64"/>
        <source>Correct by %1</source>
        <translation>请于 %1 前整改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/returned_banner.py" line="69"/>
        <source>You are revising the original of %1 as a new version; the original stays as it was.</source>
        <translation>正在以新版本修改 %1 的原记录；原记录保持不变。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection/returned_banner.py" line="70"/>
        <source>(not completed)</source>
        <translation>（未完成）</translation>
    </message>
</context>
</TS>
